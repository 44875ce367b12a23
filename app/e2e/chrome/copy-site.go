package chrome

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// CopySite copies the built site src to dst, with the files that match
// pattern (path.Match, relative to the site, with slashes) replaced by
// content and their precompressed copies (.br, .gz) left out, so that
// glossa serve sends content. The other files are hard links where the
// file system allows (glossa serve follows no symbolic link out of the
// site's folder). It returns an error where no file matches.
func CopySite(src, dst, pattern string, content []byte) error {
	replaced := 0
	err := filepath.WalkDir(src, func(file string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, file)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		slashed := filepath.ToSlash(rel)
		base := strings.TrimSuffix(strings.TrimSuffix(slashed, ".br"), ".gz")
		if ok, _ := path.Match(pattern, base); ok {
			if base != slashed {
				return nil // the compressed copies go
			}
			replaced++
			return os.WriteFile(target, content, 0o644)
		}
		if err := os.Link(file, target); err == nil {
			return nil
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err == nil && replaced == 0 {
		err = fmt.Errorf("no file of %s matches %s: build the site first (make build)", src, pattern)
	}
	return err
}
