package chrome

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// TraceVisit opens addr on a new profile in dir and records a Chromium
// trace of the given categories, from before the navigation until the
// page has set the performance mark named until (the site's
// "glossa-tagged": the sample tagged) and a second more, two minutes at
// most. Before the trace ends it calls inspect, if not nil, with the tab
// (to read the page's own figures). It returns the trace's events, each
// as JSON. (build/warmlist and build/loadtrace read cold loads this way.)
func TraceVisit(dir, addr string, categories []string, until string, inspect func(ctx context.Context) error) ([]json.RawMessage, error) {
	ctx, cancel, err := New(dir)
	if err != nil {
		return nil, err
	}
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTime()
	// One listener sees the trace's events in the order they come: every
	// bucket of data, then the end.
	var events []json.RawMessage
	done := make(chan struct{})
	err = chromedp.Listen(ctx, func(e any) {
		switch e := e.(type) {
		case *tracing.EventDataCollected:
			for _, raw := range e.Value {
				events = append(events, json.RawMessage(append([]byte(nil), raw...)))
			}
		case *tracing.EventTracingComplete:
			close(done)
		}
	})
	if err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: categories},
	}); err != nil {
		return nil, fmt.Errorf("starting a trace: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(addr+"/")); err != nil {
		return nil, err
	}
	marked := fmt.Sprintf(`performance.getEntriesByName(%q).length > 0`, until)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](marked, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		return nil, fmt.Errorf("waiting for the page's %q mark: %w", until, err)
	}
	time.Sleep(time.Second)
	if inspect != nil {
		if err := inspect(ctx); err != nil {
			return nil, err
		}
	}
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return nil, fmt.Errorf("ending the trace: %w", err)
	}
	select {
	case <-done:
	case <-ctx.Done():
		return nil, errors.New("the trace did not complete")
	}
	return events, nil
}
