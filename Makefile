# Entry points; the logic lives in scripts/*.sh.
# On a fresh Debian/Ubuntu machine: `make run` opens the app, `make test` runs every test.
.PHONY: run test deps build dev bindings lint vet test-go test-ui e2e smoke realdialogs bench icons clean package package-test licenses

run:       ## install what is missing, build, open the app on the Local sandbox
	bash scripts/run.sh

test:      ## install what is missing, run every test layer
	bash scripts/test.sh

deps:      ## install missing apt and npm packages
	bash scripts/deps.sh

build:     ## production binary in build/bin/redshift-mate
	bash scripts/build.sh

dev:       ## wails dev with the Local sandbox (browser: http://localhost:34125)
	bash scripts/dev.sh

bindings:  ## regenerate frontend/src/wailsjs from the bound Go services
	go tool wails generate module

lint:      ## ESLint (React hooks rules) on the frontend
	bash scripts/test.sh lint

vet:       ## go vet
	bash scripts/test.sh build vet

test-go:   ## Go unit and integration tests (real PostgreSQL, real Secret Service)
	bash scripts/test.sh build go

test-ui:   ## Vitest
	bash scripts/test.sh vitest

e2e:       ## Playwright against wails dev + the sandbox, under Xvfb
	bash scripts/test.sh build e2e

smoke:     ## production binary under Xvfb: window renders, closes cleanly
	bash scripts/test.sh build smoke

realdialogs: ## release binary under Xvfb: real native dialogs driven with xdotool
	bash scripts/test.sh build realdialogs

bench:     ## benchmarks: catalog load vs psql and at 1x-8x grants, screens at 100,000 users, start-up vs an empty Wails window, UI at 100,000 users (docs/bench/)
	bash scripts/bench.sh
	bash scripts/bench-backend.sh

package:   ## installable artefacts for Linux (.deb, .rpm, .tar.gz) and Windows (.exe, installer) in dist/
	bash scripts/package.sh

package-test: ## builds the packages, installs the .deb in a clean Debian 12 root and starts it there
	bash scripts/test.sh package

licenses:  ## regenerate the bundled third-party licence list (backend/buildinfo)
	node scripts/licenses.mjs

icons:     ## regenerate build/appicon.png, build/windowicon.png and build/windows/icon.ico
	bash scripts/icons.sh

clean:
	rm -rf build/bin artifacts dist frontend/dist/assets
