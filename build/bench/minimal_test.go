package main

import (
	"strings"
	"testing"
)

// The reference row means something only if the minimal app links go-app
// as published: a replaced or other version is refused, naming what to fix.
func TestStockGoApp(t *testing.T) {
	for _, c := range []struct {
		listed, wantErr string
	}{
		{"github.com/maxence-charriere/go-app/v9 v9.8.0\n", ""},
		{"github.com/maxence-charriere/go-app/v9 v9.8.0 => ./third_party/go-app\n", "=> ./third_party/go-app"},
		{"github.com/maxence-charriere/go-app/v9 v9.7.4\n", "v9.7.4"},
	} {
		err := stockGoApp(c.listed)
		if c.wantErr == "" {
			if err != nil {
				t.Errorf("%q: %v", c.listed, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), "build/bench/minimal/go.mod") {
			t.Errorf("%q: got %v, want an error quoting %q and naming the go.mod to fix", c.listed, err, c.wantErr)
		}
	}
}

// The reference module, as committed, builds against go-app v9.8.0 as
// published, while Glossa's own module uses the trimmed copy.
func TestMinimalModuleIsStock(t *testing.T) {
	t.Chdir("../..") // the benchmark runs from the repository's root
	if err := checkStockGoApp("go"); err != nil {
		t.Fatal(err)
	}
}
