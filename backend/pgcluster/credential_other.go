//go:build !unix

package pgcluster

import "os/exec"

// runAs is never reached off Unix: there is no root there (os.Geteuid is -1).
func runAs(*exec.Cmd, *credential) {}
