# The image of each demo app. Build from the repository root (the apps need metrics-core and demo-support), naming
# the app's module and the port it listens on:
#   docker build --build-arg MODULE=demo-gallery --build-arg PORT=8010 -t lucidmetrics/demo-gallery:dev .
#   (demo-iotd: 8011, demo-accesslog: 8012; compose/docker-compose.yml passes both for each service)
# Each FROM names its image literally: ../shared/tools/offline-images reads them to build stand-ins.
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "no MODULE: build with --build-arg MODULE=demo-gallery --build-arg PORT=8010" \
      "(or demo-iotd 8011, demo-accesslog 8012)" >&2; exit 1; }
WORKDIR /src
COPY . .
RUN mvn -B -q -pl "$MODULE" -am package -DskipTests

FROM eclipse-temurin:17-jre
ARG MODULE
ARG PORT
RUN test -n "$MODULE" && test -n "$PORT" || { echo "MODULE=\"$MODULE\" PORT=\"$PORT\": build with" \
      "--build-arg MODULE=demo-gallery --build-arg PORT=8010 (or demo-iotd 8011, demo-accesslog 8012)" >&2; exit 1; }
WORKDIR /app
# The jar's manifest puts lib/*.jar on the class path.
COPY --from=build /src/${MODULE}/target/lib/ /app/lib/
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/app.jar
# Class-data sharing: a training run in this stage, by the JVM that will run the app, writes /app/app.jsa (a dynamic
# CDS archive on 17, the AOT cache on 24+) and the options that use it to /app/cds.flags. They include -Xshare:on
# (or -XX:AOTMode=on): an archive that does not fit this JVM stops the start instead of being silently ignored.
# The backend the image runs on unless METRICS_BACKEND says otherwise at run time (both are in lib/):
#   docker build --build-arg BACKEND=client_java ...   (default simpleclient). Set before the training run, so the
# class-data archive holds that backend's classes.
ARG BACKEND=simpleclient
ENV METRICS_BACKEND=${BACKEND}
COPY --from=build /src/scripts/cds-archive /usr/local/bin/cds-archive
RUN PORT=${PORT} cds-archive /app/app.jar http://127.0.0.1:${PORT}/health /app/app.jsa \
      -Dsun.net.httpserver.nodelay=true \
    && cds-archive --flags /app/app.jsa > /app/cds.flags && rm -f /app/app.jsa.log
# LOG_FORMAT=json: every log line one JSON object (time, level, logger, message, the request's trace_id ...), for a
# log pipeline; LOG_FORMAT=text for people.
ENV PORT=${PORT} \
    LOG_FORMAT=json \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
# No passwd entry needed: a numeric non-root user.
USER 10001:10001
# JRE images have no curl: the app jar carries a tiny probe that GETs http://localhost:$PORT/health
# (DemoServer.HEALTH_PATH).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx16m", "-cp", "/app/app.jar", "dev.lucidmetrics.demo.support.HealthProbe"]
# exec: java is PID 1 and gets SIGTERM from docker stop, answering every request that reached it before it exits.
# nodelay: the JDK HTTP server otherwise lets Nagle hold each small response body for the client's delayed ACK
# (~40 ms per request on a keep-alive connection); see docs/http.md. A -D in JAVA_OPTS comes later and wins;
# JAVA_OPTS="-Xshare:off" starts without the class-data archive.
# -Xlog/-PrintWarnings: none of the JVM's own log or warning lines (only its errors, on stderr), so that every line
# the container writes is the app's.
ENTRYPOINT ["sh", "-c", "exec java -Dsun.net.httpserver.nodelay=true -Xlog:disable -Xlog:all=error:stderr -XX:-PrintWarnings $(cat /app/cds.flags) $JAVA_OPTS -jar /app/app.jar"]
