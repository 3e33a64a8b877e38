"""Prints lines that are not answers: a banner once ('banner'), or instead of every answer ('always')."""
import json, sys

mode = sys.argv[1]
if mode == "banner":
    print("Loading model weights... done", flush=True)
for line in sys.stdin:
    request = json.loads(line)
    if mode == "always":
        print("result: cat 0.9", flush=True)
    else:
        print(json.dumps({"id": request["id"], "concepts": [{"id": "cat", "value": 0.9}]}), flush=True)
