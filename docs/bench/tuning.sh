#!/usr/bin/env bash
# Starts the packaged jar against a stub model endpoint (WireMock standalone, answering at once) and runs
# docs/bench/tuning.py: session creation and edits with the offline engine, with a cache hit, and with the
# stub model (the service's own overhead on top of a model call), at 1 and 32 concurrent clients.
set -euo pipefail
cd "$(dirname "$0")/../.."
. docs/bench/stub-env.sh
kitchen='The teal robot is cooking food in a kitchen. Steam rises from a simmering pot as the robot chops vegetables on a worn wooden cutting board. Copper pans hang from an overhead rack, catching glints of afternoon light, while a well-loved cast iron skillet sits on the stovetop next to scattered measuring spoons and a half-empty bottle of olive oil.'
python3 - "$work/mappings" "$kitchen" <<'PY'
import json, sys
folder, kitchen = sys.argv[1], sys.argv[2]
def completion(content):
    return {"id": "chatcmpl-bench", "object": "chat.completion", "created": 1763840000, "model": "gpt-4.1-2025-04-14",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": json.dumps(content)}}],
            "usage": {"prompt_tokens": 400, "completion_tokens": 120, "total_tokens": 520}}
params = [{"name": "subject", "value": "teal robot"}, {"name": "subject_action", "value": "cooking food"},
          {"name": "location", "value": "kitchen"}, {"name": "prop_1", "value": "simmering pot"},
          {"name": "time_of_day", "value": "afternoon"}]
edit = {"applicable": True, "updates": [{"op": "add", "name": "mood", "value": "calm"}],
        "changes": ["Added a calm mood"], "prompt": kitchen + " The mood is calm."}
for name, schema, content in (("extract", "prompt_parameters", {"parameters": params}), ("edit", "prompt_edit", edit)):
    mapping = {"request": {"method": "POST", "url": "/v1/chat/completions",
                           "bodyPatterns": [{"matchesJsonPath": {"expression": "$.response_format.json_schema.name", "equalTo": schema}}]},
               "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": completion(content)}}
    json.dump(mapping, open(f"{folder}/{name}.json", "w"))
PY
start_app_with_stub
python3 docs/bench/tuning.py "$app_port"
