# The two commands of the README. Everything else lives in scripts/ and compose/tests/.
.PHONY: demo test build

demo:   ## build and run the three demo apps (access-log x3) and, if installed, a local Prometheus
	scripts/run-demo

test:   ## every test: unit + integration (Maven), the stack's checks, local end-to-end, Docker smoke, browser, benchmark smoke
	scripts/test-all

build:  ## compile and package everything, no tests
	mvn -B -q -DskipTests install
