// Bounded waits with named states. Every wait of a visit, in Go or in the
// page, has a limit; a visit that does not reach a state fails with the
// state's name, the reason (a timeout, the browser's error), what the page
// showed then and the page's own last errors, so that a failed run says
// where it stopped instead of hanging.

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// evalTimeout bounds every script the benchmark runs in a page (a script
// that awaits a promise waits for it, up to this).
const evalTimeout = 2 * time.Minute

// stateError says which state a visit did not reach, and why.
type stateError struct {
	State string // what the benchmark waited for, in words
	Err   error  // why it did not get there
	Page  string // what the page showed then
}

func (e *stateError) Error() string {
	s := fmt.Sprintf("did not reach the state %q: %v", e.State, e.Err)
	if e.Page != "" {
		s += "; the page then: " + e.Page
	}
	return s
}

func (e *stateError) Unwrap() error { return e.Err }

// visit is one cold visit's browser tab, with the page's errors as they
// come.
type visit struct {
	tab context.Context // the tab, with the visit's overall limit

	mu     sync.Mutex
	errors []string // the page's last uncaught exceptions and console errors
}

// newVisit watches the tab's exceptions and console errors.
func newVisit(tab context.Context) (*visit, error) {
	v := &visit{tab: tab}
	return v, chromedp.Listen(tab, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + firstLine(d.Exception.Description)
			}
			v.note(msg)
		case *runtime.EventConsoleAPICalled:
			if ev.Type != runtime.ConsoleAPICalledTypeError {
				return
			}
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, firstLine(a.Description))
				} else {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				}
			}
			v.note("console.error: " + strings.Join(parts, " "))
		}
	})
}

func (v *visit) note(msg string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.errors = append(v.errors, msg)
	if len(v.errors) > 5 {
		v.errors = v.errors[len(v.errors)-5:]
	}
}

// wait polls cond, a JavaScript expression, every 20 ms until it holds,
// for at most timeout.
func (v *visit) wait(state, cond string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(v.tab, timeout)
	defer cancel()
	var last error // a script that failed (the page between documents, say) is tried again
	for {
		ok, err := eval[bool](ctx, "Boolean("+cond+")")
		if err == nil && ok {
			return nil
		}
		if err != nil && ctx.Err() == nil {
			last = err
		}
		select {
		case <-ctx.Done():
			why := fmt.Errorf("not within %v (waiting for %s)", timeout, cond)
			if last != nil {
				why = fmt.Errorf("%w; the last error: %v", why, last)
			}
			return v.fail(state, why)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// do runs browser actions toward a state, for at most timeout.
func (v *visit) do(state string, timeout time.Duration, actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(v.tab, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("not within %v", timeout)
		}
		return v.fail(state, err)
	}
	return nil
}

// fail wraps err as a stateError with what the page shows.
func (v *visit) fail(state string, err error) error {
	var se *stateError
	if errors.As(err, &se) {
		return err
	}
	return &stateError{State: state, Err: err, Page: v.describe()}
}

// describe says in one line what the page shows: its address and
// readiness, go-app's loader label, the article's headline, Glossa's
// status line, and the page's last errors.
func (v *visit) describe() string {
	ctx, cancel := context.WithTimeout(v.tab, 5*time.Second)
	defer cancel()
	desc, err := eval[string](ctx, `(() => {
  const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent.trim().slice(0, 80) : "(none)"; };
  return "at " + location.pathname.slice(0, 60) + ", document " + document.readyState +
    ", go-app loader " + (document.getElementById("app-wasm-loader") ? JSON.stringify(text("#app-wasm-loader-label")) : "absent") +
    ", headline " + JSON.stringify(text("article h1")) + ", status " + JSON.stringify(text("#status"));
})()`)
	if err != nil {
		desc = "(could not be read: " + firstLine(err.Error()) + ")"
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.errors) > 0 {
		desc += "; its last errors: " + strings.Join(v.errors, " | ")
	}
	return desc
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// eval runs a script in the page (awaiting the promise it returns), for at
// most evalTimeout.
func eval[T any](ctx context.Context, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, evalTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) {
		p.AwaitPromise = new(true)
	}))
}
