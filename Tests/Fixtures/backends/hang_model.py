"""Answers, except that a request whose id contains 'hang' is never answered."""
import json, os, sys, time

for line in sys.stdin:
    request = json.loads(line)
    if "hang" in request["id"]:
        sys.stderr.write("hang_model: stuck on " + request["id"] + "\n")
        sys.stderr.flush()
        while True:
            time.sleep(60)
    print(json.dumps({"id": request["id"], "concepts": [{"id": "dog", "value": 0.8}],
                      "metadata": {"pid": os.getpid()}}), flush=True)
