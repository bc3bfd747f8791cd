//go:build !linux

package nativedialog

import "syscall"

func childSysProcAttr() *syscall.SysProcAttr { return nil }
