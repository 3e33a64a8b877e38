#!/usr/bin/env python3
"""Writes the REPL's replay fixture (weir JSON lines) and its COCO ground truth.

Deterministic (seeded). Run from this folder: python3 make_fixtures.py
Sixteen 640x480 images of cats and dogs. Each true object gets a detection close to it (IoU well
above 0.5) most of the time; some detections are false positives far from any object; some
objects are missed. Confidences include values exactly at the reference thresholds (0.95, 0.5).
"""
import json
import random

rng = random.Random(7)
W, H = 640, 480
images, annotations, lines = [], [], []
ann_id = 1
categories = [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}]
cat_id = {"cat": 1, "dog": 2}
# Confidences placed on the thresholds, to pin the comparators' behaviour at the boundary.
pinned = [0.95, 0.5, 0.95, 0.5]


def norm(x, y, w, h):
    return {"top_row": round(y / H, 4), "left_col": round(x / W, 4),
            "bottom_row": round((y + h) / H, 4), "right_col": round((x + w) / W, 4)}


for i in range(1, 17):
    name = f"img{i:02d}.jpg"
    images.append({"id": i, "file_name": name, "width": W, "height": H})
    regions = []
    n_objects = rng.randint(1, 5)
    for k in range(n_objects):
        concept = rng.choice(["cat", "dog"])
        w, h = rng.randint(60, 200), rng.randint(60, 200)
        x, y = rng.randint(0, W - w), rng.randint(0, H - h)
        annotations.append({"id": ann_id, "image_id": i, "category_id": cat_id[concept],
                            "bbox": [x, y, w, h], "area": w * h, "iscrowd": 0})
        ann_id += 1
        if rng.random() < 0.15:
            continue  # the model misses this object
        dx, dy = rng.randint(-8, 8), rng.randint(-8, 8)
        px, py = min(max(0, x + dx), W - w), min(max(0, y + dy), H - h)
        value = pinned.pop() if pinned and rng.random() < 0.5 else round(0.4 + 0.6 * rng.random() ** 0.5, 3)
        concepts = [{"id": concept, "name": concept, "value": value}]
        if rng.random() < 0.2:  # a second, unlikely concept in the same region
            other = "dog" if concept == "cat" else "cat"
            concepts.append({"id": other, "name": other, "value": round(rng.uniform(0.01, 0.2), 3)})
        regions.append({"id": f"{name[:-4]}-r{len(regions) + 1}",
                        "region_info": {"bounding_box": norm(px, py, w, h)},
                        "data": {"concepts": concepts}})
    for _ in range(rng.randint(0, 2)):  # false positives
        concept = rng.choice(["cat", "dog"])
        w, h = rng.randint(40, 120), rng.randint(40, 120)
        x, y = rng.randint(0, W - w), rng.randint(0, H - h)
        regions.append({"id": f"{name[:-4]}-r{len(regions) + 1}",
                        "region_info": {"bounding_box": norm(x, y, w, h)},
                        "data": {"concepts": [{"id": concept, "name": concept,
                                               "value": round(rng.uniform(0.2, 0.9), 3)}]}})
    lines.append({"input": name, "regions": regions})

with open("pets.jsonl", "w") as f:
    for line in lines:
        f.write(json.dumps(line, separators=(",", ":")) + "\n")
with open("pets-truth.json", "w") as f:
    json.dump({"info": {"description": "weir REPL test fixture (synthetic)"}, "images": images,
               "categories": categories, "annotations": annotations}, f, indent=1)
