"""Archives of articles (`quotes attribute`): JSONL in, one API response a line out, resumably.

- `records`: the input side: a valid `Article` or a `LineError`, validated as the API validates a
  request; the errors file.
- `output`: the output side both engines share: response lines for a batch, resume, the summary.
- `local`: the default engine (this process, or forked worker processes).
- `ray`: the Ray Data engine (optional extra). The CLI (`app.cli.attribute`) chooses the engine;
  neither engine imports the other.
"""
