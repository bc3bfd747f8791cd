//go:build unix

package pgcluster

import (
	"os/exec"
	"syscall"
)

func runAs(cmd *exec.Cmd, c *credential) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: c.Uid, Gid: c.Gid}}
}
