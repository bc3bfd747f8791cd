// Command fakeaws serves the local stand-in for the AWS APIs
// (backend/awsauth/awsfake) for end-to-end runs: scripts/e2e.sh points the
// app's AWS SDK at it with AWS_ENDPOINT_URL. Database users it issues
// credentials for are created on first use in the PostgreSQL that
// FAKEAWS_ADMIN_DSN names.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"

	"github.com/redshiftmate/rsmate/backend/awsauth/awsfake"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to serve on")
	iamUser := flag.String("iam-user", "IAMR:e2e-role", "user name for GetClusterCredentialsWithIAM and Serverless GetCredentials")
	pending := flag.Int("pending-polls", 0, "CreateToken polls answered \"pending\" in an IAM Identity Center sign-in")
	flag.Parse()
	dsn := os.Getenv("FAKEAWS_ADMIN_DSN")
	if dsn == "" {
		log.Fatal("FAKEAWS_ADMIN_DSN is not set")
	}
	s := &awsfake.Server{AdminDSN: dsn, IAMUser: *iamUser, CreateUsers: true, PendingPolls: *pending}
	log.Fatal(http.ListenAndServe(*listen, s))
}
