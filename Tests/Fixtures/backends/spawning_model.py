"""Starts a helper process (`sleep`) and answers with its pid; a request whose id contains 'hang' is
never answered, so the program is killed, and the helper must go with it."""
import json, subprocess, sys, time

helper = subprocess.Popen(["sleep", "300"])
for line in sys.stdin:
    request = json.loads(line)
    if "hang" in request["id"]:
        while True:
            time.sleep(60)
    print(json.dumps({"id": request["id"], "metadata": {"helper": helper.pid}}), flush=True)
