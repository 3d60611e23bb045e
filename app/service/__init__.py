"""The service core shared by the HTTP API, the CLI and the Ray runner (no HTTP here).

- `runner`: `attribute_requests` (the pipeline over many articles, long ones in pieces) and
  `AttributionService` (admission by cost into two lanes, off-loop worker threads, deadlines).
- `lanes`: what a request costs, its deadline, the lanes and the gate between them (and why).
- `convert`: an annotated `Doc` -> the API's response; offset maps (HTML, UTF-16).
- `html_input`: HTML -> the plain text the pipeline reads, with a map back to the markup.
- `limits`: the size and emptiness rules every entry point applies before the pipeline runs.
"""
