package corpus

import "testing"

func TestIsJSONL(t *testing.T) {
	tests := []struct {
		format, path string
		want         bool
	}{
		{InputAuto, "corpus.jsonl", true},
		{InputAuto, "gs://b/part-1.JSONL", true},
		{InputAuto, "corpus.ndjson.gz", true},
		{InputAuto, "corpus.jsonl.GZ", false}, // not read as gzip
		{InputAuto, "article.txt", false},
		{InputAuto, "corpus.json", false},
		{InputAuto, "part-00000", false},
		{InputJSONL, "part-00000", true},
		{InputText, "corpus.jsonl", false},
	}
	for _, tt := range tests {
		if got := isJSONL(tt.format, tt.path); got != tt.want {
			t.Errorf("isJSONL(%q, %q) = %v, want %v", tt.format, tt.path, got, tt.want)
		}
	}
}

func TestShardNames(t *testing.T) {
	if got := ShardName("out/tagged", 2, 4); got != "out/tagged-00002-of-00004.jsonl" {
		t.Errorf("ShardName = %q", got)
	}
	if got := DeadLetterName("out/tagged"); got != "out/tagged-deadletter-00000-of-00001.jsonl" {
		t.Errorf("DeadLetterName = %q", got)
	}
}
