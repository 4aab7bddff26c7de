package dev.lucidmetrics.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code jcmd PID COMMAND}: a diagnostic command run in an app's JVM. */
final class Jcmd {

    private Jcmd() {
    }

    /** The command's output; throws naming the command when it fails or takes over a minute. */
    static String run(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("jcmd", Long.toString(pid), command)).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }
}
