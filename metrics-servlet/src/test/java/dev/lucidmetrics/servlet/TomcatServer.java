package dev.lucidmetrics.servlet;

import dev.lucidmetrics.core.http.HttpServerMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 11 with {@link MetricsFilter} in front of the suite's servlet. */
final class TomcatServer implements RunningServer {

    final AppServlet servlet;
    private final Tomcat tomcat = new Tomcat();
    private final Connector connector = new Connector();
    private final Path baseDir;

    TomcatServer(HttpServerMetrics http, TestApp app) throws IOException, LifecycleException {
        // under the build's target/ (surefire runs in the module): whatever Tomcat leaves goes with `mvn clean`
        Files.createDirectories(Path.of("target"));
        baseDir = Files.createTempDirectory(Path.of("target"), "tomcat");
        tomcat.setBaseDir(baseDir.toString());
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        servlet = new AppServlet(app);
        Wrapper wrapper = Tomcat.addServlet(context, "app", servlet);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "app");
        FilterDef def = new FilterDef();
        def.setFilterName("metrics");
        def.setFilter(MetricsFilter.of(http));
        def.setAsyncSupported("true");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("metrics");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
