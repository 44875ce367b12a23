package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// localDate writes a date as the reader's browser writes dates in the
// reader's language ("2 December 2026", "2. Dezember 2026", "December 2,
// 2026"), through the browser's Intl; where no browser runs (prerendering
// on the server) it writes "2 Dec 2026".
func localDate(t time.Time) string {
	if !app.IsClient {
		return t.Local().Format("2 Jan 2006")
	}
	date := app.Window().Get("Date").New(float64(t.UnixMilli()))
	return date.Call("toLocaleDateString", app.Undefined(), map[string]any{
		"year": "numeric", "month": "long", "day": "numeric",
	}).String()
}
