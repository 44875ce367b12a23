package corpus

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[string, func(int, string)](&shardFn{})
	register.DoFn2x0[[]byte, func(int, bool)](&shardKeysFn{})
	register.DoFn4x1[context.Context, int, func(*bool) bool, func(*string) bool, error](&writeShardFn{})
	register.Emitter2[int, string]()
	register.Emitter2[int, bool]()
	register.Iter1[bool]()
	register.Iter1[string]()
}

// writeShards writes lines to n files, ShardName(prefix, i, n), each
// written whole by one worker: a line goes to the shard its bytes hash to.
// Every shard file is written, empty if no line hashes to it. (textio.Write
// writes one file from one worker: at a cluster's scale that is the
// bottleneck.)
func writeShards(s beam.Scope, prefix string, n int, lines beam.PCollection) {
	s = s.Scope("writeShards")
	keyed := beam.ParDo(s, &shardFn{Shards: n}, lines)
	// Each shard's key, so that a shard no line falls in is written too.
	keys := beam.ParDo(s, &shardKeysFn{Shards: n}, beam.Impulse(s))
	grouped := beam.CoGroupByKey(s, keys, keyed)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Shards: n}, grouped)
}

// shardFn keys each line by its shard.
type shardFn struct {
	Shards int `json:"shards"`
}

// ProcessElement keys one line.
func (f *shardFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	h.Write([]byte(line))
	emit(int(h.Sum32()%uint32(f.Shards)), line)
}

// shardKeysFn emits every shard's key once.
type shardKeysFn struct {
	Shards int `json:"shards"`
}

// ProcessElement emits the keys 0 to Shards-1.
func (f *shardKeysFn) ProcessElement(_ []byte, emit func(int, bool)) {
	for i := range f.Shards {
		emit(i, true)
	}
}

// writeShardFn writes one shard's lines to its file, through the Beam
// file systems. A retried shard writes its file again, whole.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Shards int    `json:"shards"`
}

// ProcessElement writes shard i.
func (f *writeShardFn) ProcessElement(ctx context.Context, i int, _ func(*bool) bool, lines func(*string) bool) error {
	name := ShardName(f.Prefix, i, f.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("writing %s: %w (is --output a folder that exists, and writable?)", name, err)
	}
	buf := bufio.NewWriterSize(fd, 1<<20)
	var line string
	for lines(&line) {
		buf.WriteString(line)
		if err := buf.WriteByte('\n'); err != nil {
			fd.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	if err := buf.Flush(); err != nil {
		fd.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := fd.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
