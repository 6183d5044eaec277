package io.kubesim.nodeagent;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry point of the node agent ({@code java -jar node-agent/target/kubesim-node-agent.jar
 * --kubeconfig PATH ...}; {@code --help} lists the flags). Runs until SIGTERM or SIGINT, then
 * stops heartbeating and exits, leaving the Node objects in place as a stopped kubelet does.
 */
public final class NodeAgentMain {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgentMain.class);

    private NodeAgentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AgentConfig config;
        try {
            config = AgentFlags.parse(args);
        } catch (AgentFlags.HelpRequested e) {
            System.out.print(AgentFlags.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("node-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        NodeAgent agent;
        try {
            agent = NodeAgent.start(config);
        } catch (Exception e) {
            LOG.error("node agent failed to start", e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping node agent");
            agent.close();
            stopped.countDown();
        }, "node-agent-shutdown"));
        stopped.await();
    }
}
