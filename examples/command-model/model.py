"""A model for weir's command backend: one JSON request per line in, one JSON answer per line out."""
import json, os, sys

for line in sys.stdin:  # weir closes stdin when it is done, which ends the loop
    request = json.loads(line)  # {"id", "path", "url", "data"}
    try:
        name = os.path.basename(request["path"] or request["url"] or "").lower()
        label, score = ("cat", 0.97) if "cat" in name else ("dog", 0.7)  # put a real model here
        box = {"top_row": 0.1, "left_col": 0.1, "bottom_row": 0.9, "right_col": 0.9}
        concepts = [{"id": label, "name": label, "value": score}]
        answer = {"id": request["id"], "regions": [{"region_info": {"bounding_box": box}, "data": {"concepts": concepts}}]}
    except Exception as error:  # a failure fails only this input
        answer = {"id": request["id"], "error": str(error)}
    print(json.dumps(answer), flush=True)  # one line per answer; anything else goes to stderr
