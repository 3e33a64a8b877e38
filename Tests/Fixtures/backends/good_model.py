"""A well-behaved model: one answer per request, in Clarifai's Data shape."""
import json, os, sys

sys.stderr.write("good_model: ready\n")
sys.stderr.flush()
for line in sys.stdin:
    request = json.loads(line)
    rid = request["id"]
    if "bad" in rid:
        print(json.dumps({"id": rid, "error": "cannot decode image " + rid}), flush=True)
        continue
    concept = "cat" if "cat" in rid else "dog"
    value = 0.97 if concept == "cat" else 0.6
    print(json.dumps({
        "id": rid,
        "regions": [{
            "id": "r-" + rid,
            "region_info": {"bounding_box": {"top_row": 0.1, "left_col": 0.2, "bottom_row": 0.5, "right_col": 0.6}},
            "data": {"concepts": [{"id": concept, "name": concept, "value": value}]},
            "value": value,
        }],
        "metadata": {
            "pid": os.getpid(),
            "path": request["path"],
            "url": request["url"],
            "incoming_concepts": len(request["data"].get("concepts", [])),
        },
    }), flush=True)
