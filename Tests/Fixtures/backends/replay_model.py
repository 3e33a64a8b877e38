"""Answers from recorded Clarifai predictions (argv[1]): each request gets the recorded output of
the input with its id, as a real model would have computed it. Misbehaviour on chosen inputs is
asked for by further arguments: 'crash:ID' crashes the program on that input (a traceback on stderr,
exit 1), as a model that runs out of memory on one image; 'hang:ID' never answers it."""
import json, sys, time

with open(sys.argv[1]) as f:
    outputs = {o["input"]["id"]: o for o in json.load(f)["outputs"]}
faults = dict(arg.split(":", 1)[::-1] for arg in sys.argv[2:])  # id -> crash | hang
for line in sys.stdin:
    request = json.loads(line)
    rid = request["id"]
    if faults.get(rid) == "crash":
        sys.stderr.write("Traceback (most recent call last):\n")
        sys.stderr.write("MemoryError: cannot allocate a tensor for " + rid + "\n")
        sys.stderr.flush()
        sys.exit(1)
    if faults.get(rid) == "hang":
        sys.stderr.write("stuck on " + rid + "\n")
        sys.stderr.flush()
        time.sleep(3600)
    output = outputs.get(rid)
    if output is None:
        print(json.dumps({"id": rid, "error": "no recorded prediction for " + rid}), flush=True)
        continue
    answer = dict(output["data"], id=rid)
    image_info = output["input"]["data"]["image"].get("image_info")
    if image_info:
        answer["image"] = {"image_info": image_info}
    print(json.dumps(answer), flush=True)
