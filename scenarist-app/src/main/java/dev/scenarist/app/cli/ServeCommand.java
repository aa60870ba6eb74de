package dev.scenarist.app.cli;

import dev.scenarist.server.ServerOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the REST API (/api, described at /openapi.json), live events (/api/events) and the index page,",
                "over the same store as the command line: campaigns created over the API run in this process, campaigns",
                "run by 'scenarist generate' elsewhere appear too.",
                "A token is required for every call when bound beyond loopback (SCENARIST_TOKEN, else one is generated and",
                "printed); on loopback only with --token-on-loopback or when SCENARIST_TOKEN is set.",
                "Ctrl-C pauses the campaigns it runs (their runs stay resumable) and stops."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ScenaristCommand root;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
    String host = ServerOptions.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default 7070; 0 picks a free one).")
    int port = ServerOptions.DEFAULT_PORT;

    @Option(names = "--token-on-loopback", description = "Require the token on a loopback address too.")
    boolean tokenOnLoopback;

    @Override
    public Integer call() throws Exception {
        Output out = root.output();
        ServerOptions options;
        try {
            options = new ServerOptions(host, port, Optional.ofNullable(root.env().get("SCENARIST_TOKEN")), tokenOnLoopback,
                    ServerOptions.DEFAULT_MAX_BODY);
        } catch (IllegalArgumentException e) {
            throw new dev.scenarist.app.config.ConfigException(e.getMessage());
        }
        var app = root.open();
        dev.scenarist.server.ScenaristServer server;
        try {
            server = app.serve(options);
        } catch (RuntimeException e) {
            app.close();
            throw new dev.scenarist.app.config.ConfigException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + "; choose another with --host/--port");
        }
        var stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.err().println("stopping: campaigns running here are paused (continue them with 'scenarist resume --campaign ID')");
            server.close();
            app.close();
            stopped.countDown();
        }, "scenarist-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String shown = host.contains(":") ? "[" + host + "]" : host;
        out.err().printf("Scenarist serving %s on http://%s:%d/ (API: /api, description: /openapi.json, events: /api/events)%n",
                app.dataDir(), shown, server.port());
        if (server.access().required()) {
            if (server.access().generated()) {
                out.err().println("Access token (generated; set SCENARIST_TOKEN to choose one): " + server.access().token());
            } else {
                out.err().println("Access token: the value of SCENARIST_TOKEN");
            }
            out.err().printf("  API: Authorization: Bearer <token>   browser: http://%s:%d/login?token=<token>%n", shown, server.port());
        } else {
            out.err().println("No token required on loopback (--token-on-loopback or SCENARIST_TOKEN to require one).");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            app.close();
        }
        return 0;
    }
}
