//go:build unix

package pgcluster

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// processRunning: signal 0 checks existence without touching the process.
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// processStart is the process's start time in clock ticks since boot
// (/proc/<pid>/stat field 22), where /proc exists.
func processStart(pid int) (string, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')') // the command name may hold spaces
	if i < 0 {
		return "", false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return "", false
	}
	return f[19], true // fields after the name start at field 3: 22 - 3 = 19
}
