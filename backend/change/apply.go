package change

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/redshiftmate/rsmate/backend/apperr"
)

// Beginner is the part of a pgx pool that Apply needs.
type Beginner interface {
	Begin(ctx context.Context) (pgx.Tx, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// Target of an apply, for the audit log and the read-only rule.
type ApplyTarget struct {
	ProfileID   string
	ProfileName string
	Server      string // host:port/database
	ServerUser  string
	ReadOnly    bool
}

// Result says what ran.
type Result struct {
	PlanID   string `json:"planId"`
	Executed int    `json:"executed"`
	// Committed is true when every statement ran and the transaction committed.
	Committed bool `json:"committed"`
}

// Apply runs the plan: every transactional statement in one transaction (DDL
// through Exec without arguments), then any statement the engine refuses in a
// transaction block, one by one. On failure the transaction is rolled back and
// the error names the failing statement with the server's message. Each
// statement and the outcome go to the audit log.
func Apply(ctx context.Context, db Beginner, p *Plan, t ApplyTarget, log *AuditLog) (Result, error) {
	res := Result{PlanID: p.ID}
	if t.ReadOnly {
		return res, &apperr.Error{Code: "read_only", Message: "this connection is read-only: no changes can be applied",
			Hint: "Clear the read-only flag in the connection's settings if you really mean to change this server."}
	}
	var inTx, outside []Statement
	for _, s := range p.Statements {
		if s.OutsideTransaction {
			outside = append(outside, s)
		} else {
			inTx = append(inTx, s)
		}
	}
	if len(inTx) > 0 {
		tx, err := db.Begin(ctx)
		if err != nil {
			return res, apperr.As(err)
		}
		for i, s := range inTx {
			if _, err := tx.Exec(ctx, s.SQL); err != nil {
				_ = tx.Rollback(context.Background())
				log.Record(t, p.ID, s, "rolled back: "+errText(err))
				for _, ran := range inTx[:i] {
					log.Record(t, p.ID, ran, "rolled back")
				}
				return res, statementError(i+1, len(p.Statements), s, err,
					"Nothing was changed: the whole transaction was rolled back.")
			}
		}
		if err := tx.Commit(ctx); err != nil {
			for _, s := range inTx {
				log.Record(t, p.ID, s, "commit failed: "+errText(err))
			}
			return res, &apperr.Error{Code: "commit_failed", Message: "the server refused to commit the changes",
				Detail: errText(err), Hint: "Nothing was changed. Refresh and try again.", Err: err}
		}
		for _, s := range inTx {
			log.Record(t, p.ID, s, "ok")
		}
		res.Executed = len(inTx)
	}
	for i, s := range outside {
		if _, err := db.Exec(ctx, s.SQL); err != nil {
			log.Record(t, p.ID, s, "failed: "+errText(err))
			hint := fmt.Sprintf("%d statement(s) had already been applied and stay applied.", res.Executed)
			return res, statementError(len(inTx)+i+1, len(p.Statements), s, err, hint)
		}
		log.Record(t, p.ID, s, "ok")
		res.Executed++
	}
	res.Committed = true
	return res, nil
}

func statementError(n, total int, s Statement, err error, hint string) error {
	e := &apperr.Error{Code: "apply_failed", Err: err, Hint: hint,
		Message: fmt.Sprintf("statement %d of %d failed: %s", n, total, errText(err)),
		Detail:  s.Display}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		e.Code = "apply_failed_" + pg.Code
		if pg.Detail != "" {
			e.Detail += "\n" + pg.Detail
		}
		if pg.Hint != "" {
			e.Hint = pg.Hint + " " + hint
		}
	}
	return e
}

func errText(err error) string {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Message
	}
	return err.Error()
}
