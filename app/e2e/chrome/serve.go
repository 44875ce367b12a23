package chrome

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
)

// Serve runs the built program bin as `glossa serve` on the site folder
// dir, on a free port of the loopback, and returns its address; stop ends
// it. (Tests and benchmarks serve the site the way a user does.)
func Serve(bin, dir string) (addr string, stop func(), err error) {
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-dir", dir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	lines := bufio.NewScanner(stderr)
	listening := regexp.MustCompile(`http://(\S+)/`)
	for lines.Scan() {
		if m := listening.FindStringSubmatch(lines.Text()); m != nil {
			addr = "http://" + m[1]
			break
		}
	}
	if addr == "" {
		cmd.Process.Kill()
		cmd.Wait()
		return "", nil, fmt.Errorf("%s serve did not say where it listens", bin)
	}
	go io.Copy(io.Discard, stderr)
	return addr, func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }, nil
}
