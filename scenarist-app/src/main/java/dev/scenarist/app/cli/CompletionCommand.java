package dev.scenarist.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for scenarist's commands and options.",
                "  bash: source <(scenarist completion bash)      (or save it in /etc/bash_completion.d/)",
                "  zsh:  source <(scenarist completion zsh)       (the same script; it enables zsh's bashcompinit itself)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script serves both shells: under zsh it loads bashcompinit before registering the completion
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
