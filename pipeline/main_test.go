package main

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n    int64
		name string
		want string
	}{
		{0, "entities", "0 entities"},
		{1, "entities", "1 entity"},
		{1, "bad_records", "1 bad record"},
		{2, "bad_records", "2 bad records"},
		{1, "documents", "1 document"},
	}
	for _, tt := range tests {
		if got := count(tt.n, tt.name); got != tt.want {
			t.Errorf("count(%d, %q) = %q, want %q", tt.n, tt.name, got, tt.want)
		}
	}
}
