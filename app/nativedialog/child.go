package nativedialog

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
)

// ChildEnv marks a process started to show one dialog. main checks it before
// anything else (see ServeIfChild).
const ChildEnv = "RSMATE_DIALOG_CHILD"

// answerPrefix starts the child's answer line on stdout, so that anything a
// library prints there cannot be mistaken for the answer.
const answerPrefix = "rsmate-dialog-answer "

// ServeIfChild returns at once in a normal start. In a dialog child it reads one
// Request from stdin, shows it, writes the Response to stdout and exits: the
// app (Wails, the window, the sandbox) never starts.
func ServeIfChild() {
	if os.Getenv(ChildEnv) != "1" {
		return
	}
	os.Exit(serve(os.Stdin, os.Stdout, Show))
}

// serve is the child's whole life; show is Show except in tests.
func serve(in io.Reader, out io.Writer, show func(Request) Response) int {
	var req Request
	var res Response
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		res = Response{Error: "bad dialog request: " + err.Error()}
	} else {
		res = show(req)
	}
	line, _ := json.Marshal(res)
	if _, err := fmt.Fprintf(out, "%s%s\n", answerPrefix, line); err != nil {
		return 1
	}
	return 0
}

// Runner shows each dialog in a child process of the same binary, one at a
// time. The zero value runs os.Executable().
type Runner struct {
	// Exe is the binary to start (default: this one); Args its arguments.
	Exe  string
	Args []string

	mu sync.Mutex // one dialog at a time: a second caller waits for the first
}

// Run starts the child, hands it the request and waits for the answer. A child
// that crashes, is killed or answers nothing yields an error; ctx cancelled
// kills the child. On Linux the child also dies with this process.
func (r *Runner) Run(ctx context.Context, req Request) (Response, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	exe := r.Exe
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return Response{}, fmt.Errorf("cannot find the app's own binary to show a dialog: %w", err)
		}
	}
	body, err := json.Marshal(req)
	if err != nil {
		return Response{}, err
	}
	cmd := exec.CommandContext(ctx, exe, r.Args...)
	cmd.Args[0] = os.Args[0] // the app's name, not "/proc/self/exe", in ps and as GTK's program name
	// The child inherits the environment, DISPLAY / WAYLAND_DISPLAY / XAUTHORITY
	// included, so GTK finds the same display as the app.
	cmd.Env = append(os.Environ(), ChildEnv+"=1")
	cmd.Stdin = bytes.NewReader(body)
	var stdout bytes.Buffer
	stderr := &headBuffer{max: 8192}
	cmd.Stdout, cmd.Stderr = &stdout, stderr
	cmd.SysProcAttr = childSysProcAttr()

	// Linux delivers the parent-death signal when the *thread* that started
	// the child ends: keep this goroutine on its thread until the child is gone.
	runtime.LockOSThread()
	err = cmd.Run()
	runtime.UnlockOSThread()

	res, found := parseAnswer(stdout.String())
	switch {
	case ctx.Err() != nil:
		return Response{}, fmt.Errorf("the dialog was closed: %w", ctx.Err())
	case err != nil && !found:
		return Response{}, childError(err, stderr.String())
	case !found:
		return Response{}, childError(errors.New("it exited without an answer"), stderr.String())
	case res.Error != "":
		return Response{}, errors.New(res.Error)
	}
	return res, nil
}

func parseAnswer(out string) (Response, bool) {
	var res Response
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	found := false
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), answerPrefix); ok {
			found = json.Unmarshal([]byte(rest), &res) == nil
		}
	}
	return res, found
}

func childError(err error, stderr string) error {
	msg := "the dialog process failed: " + err.Error()
	if line := telling(stderr); line != "" {
		msg += " (" + line + ")"
	}
	return errors.New(msg)
}

// telling picks the line of the child's stderr that says what went wrong: GTK
// and Go print the cause first and then pages of detail.
func telling(stderr string) string {
	first := ""
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if first == "" {
			first = l
		}
		for _, w := range []string{"ERROR", "CRITICAL", "panic:", "fatal error:", "SIG"} {
			if strings.Contains(l, w) {
				return l
			}
		}
	}
	return first
}

// headBuffer keeps the first max bytes written: the cause comes first, and a
// crash dump after it can be long.
type headBuffer struct {
	max int
	b   []byte
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (h *headBuffer) String() string { return string(h.b) }
