// Follows a job's Server-Sent Events for a page: each named event of `handlers` is parsed and handled, and what the
// handler returns is logged; a stream that closes before the job's last event is reported once. Returns the
// EventSource; `isCurrent(stream)` lets a page ignore a stream it has replaced. A job started again (its runner
// stopped) says so with `restarted`; pages that do not handle it still log it.

export function followEvents(job, pageHandlers, { log, lost, isCurrent }) {
  const handlers = {
    restarted: (data) => `started again (attempt ${data.attempt} of ${data.max_attempts}): ${data.reason}`,
    ...pageHandlers,
  };
  const stream = new EventSource(job.events_url);
  // EventSource only delivers named events to listeners registered by name.
  for (const [name, handle] of Object.entries(handlers)) {
    stream.addEventListener(name, (event) => {
      if (!isCurrent(stream)) {
        return;
      }
      let data = {};
      try {
        data = JSON.parse(event.data);
      } catch {
        // An event without JSON still gets its line.
      }
      log(name, handle(data));
    });
  }
  stream.addEventListener('error', () => {
    if (isCurrent(stream) && stream.readyState === EventSource.CLOSED) {
      lost({
        title: 'The job could not be followed',
        detail: 'The connection to its events was lost; the job page shows how it ended.',
      });
    }
  });
  return stream;
}
