# The images a Docker run of the stack needs, for docker-smoke and ha-faults (sourced after lib.sh; uses REPO_DIR,
# PY, WORK, check, die, log, build_demo_jars). No registry is reachable here: ../shared/tools/offline-images builds
# stand-ins for the registry images, and the demo images come from the project's Dockerfiles. Then: is it up?
#   stand_in_images                  runs offline-images (OFFLINE_IMAGES); $WORK/offline-images.out lists the images
#                                    it could not stand in for as "UNAVAILABLE IMAGE"
#   unavailable IMAGE                true when offline-images could not stand in for IMAGE
#   app_images CONFIG                the demo images named by CONFIG (`docker-compose config` output), one check each
#   all_healthy                      every container of `dc ps` healthy (or running, without a healthcheck); a
#                                    one-shot batch job exited 0 (dc: the caller's docker-compose function)
# Switches: OFFLINE_IMAGES, SMOKE_BUILD (scripts/README.md).

stand_in_images() {
  local tool=${OFFLINE_IMAGES:-$REPO_DIR/../shared/tools/offline-images} t0=$SECONDS
  [[ -x $tool ]] || die "offline-images not found at $tool (set OFFLINE_IMAGES)"
  (cd "$REPO_DIR" && "$tool" "$REPO_DIR") >"$WORK/offline-images.out" 2>"$WORK/offline-images.log" \
    || { tail -n 20 "$WORK/offline-images.log"; die "offline-images failed"; }
  log "offline-images took $((SECONDS - t0)) s; $(grep -c '^UNAVAILABLE' "$WORK/offline-images.out" || true) unavailable: $(grep '^UNAVAILABLE' "$WORK/offline-images.out" | awk '{print $2}' | tr '\n' ' ')"
}

unavailable() { grep -qxF "UNAVAILABLE $1" "$WORK/offline-images.out"; }

# App images, from the one Dockerfile with each service's build args (MODULE, PORT). SMOKE_BUILD=docker builds them
# with the Dockerfile as it is (Maven runs inside the build stage). The default, SMOKE_BUILD=host, builds the jars
# with the host's Maven and packages them with the Dockerfile's runtime stage unchanged: on machines whose egress
# re-signs TLS (this one), Maven inside the Debian stand-in image cannot verify Maven Central's certificate.
app_images() {
  local config=$1 t0=$SECONDS
  [[ ${SMOKE_BUILD:-host} == @(host|docker) ]] || die "SMOKE_BUILD=\"$SMOKE_BUILD\" is not valid: expected host (the default) or docker"
  if [[ ${SMOKE_BUILD:-host} == docker ]]; then
    check "docker-compose build (the three app images, Maven inside Docker)" dc build gallery iotd accesslog
  else
    build_demo_jars "$WORK/mvn.log" || die "the demo jars could not be built (log above)"
    local svc
    for svc in gallery iotd accesslog; do
      check "image of $svc (the runtime stage of the one Dockerfile with its build args, host-built jar)" \
        _runtime_image "$config" "$svc"
    done
  fi
  log "app images took $((SECONDS - t0)) s"
}

_runtime_image() {  # _runtime_image CONFIG SERVICE: the Dockerfile's last stage with SERVICE's build args, fed with host-built jars
  local config=$1 svc=$2 ctx="$WORK/ctx-$2" image dockerfile m port
  read -r image dockerfile m port < <("$PY" -c 'import sys,yaml
s = yaml.safe_load(open(sys.argv[1]))["services"][sys.argv[2]]
b = s["build"]
print(s["image"], b["context"] + "/" + b["dockerfile"], b["args"]["MODULE"], b["args"]["PORT"])' "$config" "$svc")
  mkdir -p "$ctx/$m/target"
  cp -r "$REPO_DIR/$m/target/lib" "$REPO_DIR/$m/target/$m.jar" "$ctx/$m/target/"
  mkdir -p "$ctx/scripts" && cp "$REPO_DIR/scripts/cds-archive" "$ctx/scripts/"  # the runtime stage's class-data training run
  awk '/^FROM /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' "$dockerfile" \
    | sed 's#^COPY --from=build /src/#COPY #' >"$ctx/Dockerfile"
  grep -q '^FROM ' "$ctx/Dockerfile" || { echo "no runtime stage in $dockerfile"; return 1; }
  docker build -q --build-arg MODULE="$m" --build-arg PORT="$port" \
    --build-arg BACKEND="${BACKEND:-simpleclient}" -t "$image" "$ctx"
}

all_healthy() {
  local c state bad=0
  for c in $(dc ps -q); do
    state=$(docker inspect -f '{{.Name}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}} {{.State.ExitCode}}' "$c")
    echo "$state"
    case $state in
      *_batch_*" exited 0") ;;
      *_batch_*) bad=1 ;;
      *" healthy "* | *" running "*) ;;
      *) bad=1 ;;
    esac
  done
  return $bad
}
