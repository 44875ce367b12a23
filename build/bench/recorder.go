// What every page records for the benchmark, from before its own scripts
// run (Page.addScriptToEvaluateOnNewDocument), and the arithmetic of long
// tasks: counts, the longest, total blocking time, and when a load is
// over.

package main

import "math"

// benchRecorder runs in every page before its own scripts. It records
// the main thread's long tasks (PerformanceObserver "longtask", buffered)
// with their start times, the timestamps of the reader's input events,
// when the page posts a tagging job to a worker (the benchmark's own jobs
// are numbered from 90000), the WebAssembly memories the page
// instantiates, and when go-app's loader leaves the page.
const benchRecorder = `(() => {
  const b = window.__bench = { tasks: [], inputs: [], tagPosts: [], memories: [], loaderGone: -1 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  for (const type of ["pointerdown", "mousedown", "keydown", "beforeinput", "input"]) {
    addEventListener(type, (e) => b.inputs.push({ type, t: e.timeStamp }), true);
  }
  if (self.Worker) {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (msg, ...rest) {
      if (msg && msg.type === "tag" && !(msg.job >= 90000)) b.tagPosts.push(performance.now());
      return post.call(this, msg, ...rest);
    };
  }
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const f = WebAssembly[name];
    if (!f) continue;
    WebAssembly[name] = async function (...args) {
      const res = await f.apply(WebAssembly, args);
      const inst = res instanceof WebAssembly.Instance ? res : res.instance;
      if (inst && inst.exports.mem instanceof WebAssembly.Memory) b.memories.push(inst.exports.mem);
      return res;
    };
  }
  // go-app's stock loader calls remove() on its element once the Go
  // program has started and rendered.
  const remove = Element.prototype.remove;
  Element.prototype.remove = function () {
    if (this.id === "app-wasm-loader" && b.loaderGone < 0) b.loaderGone = performance.now();
    return remove.call(this);
  };
})();`

// longTask is one PerformanceObserver "longtask" entry, in ms from
// navigation start.
type longTask struct {
	Start    float64 `json:"start"`
	Duration float64 `json:"duration"`
}

// tasksIn counts the long tasks that start in [from, to] or are running
// at from, and returns the longest and the total blocking time (duration
// − 50 ms, summed). An interaction's window opens at its input event,
// which the browser dispatches inside the task that handles it: a paste's
// insertion into a text area, say, starts before its input event's time.
func tasksIn(tasks []longTask, from, to float64) (n int, longest, tbt float64) {
	for _, t := range tasks {
		if t.Start+t.Duration <= from || t.Start > to {
			continue
		}
		n++
		longest = math.Max(longest, t.Duration)
		tbt += math.Max(0, t.Duration-50)
	}
	return n, longest, tbt
}

// quietAfter returns the end of the load: from ready on, each long task
// that starts within quiet of the end so far, or runs over it, pushes the
// end to its own end; the load is over once quiet passes with no long
// task starting.
func quietAfter(tasks []longTask, ready, quiet float64) float64 {
	end := ready
	for moved := true; moved; {
		moved = false
		for _, t := range tasks {
			if t.Start > end && t.Start <= end+quiet || t.Start <= end && t.Start+t.Duration > end {
				if e := math.Max(end, t.Start+t.Duration); e > end {
					end, moved = e, true
				}
			}
		}
	}
	return end
}

// loadQuiet is how long the main thread must go without a long task
// starting, after the page's ready point, for the load to be over.
const loadQuiet = 1000.0
