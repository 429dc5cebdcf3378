using JobSwipe.InfraLint.Rules.Compose;
using JobSwipe.InfraLint.Tests.Infrastructure;

namespace JobSwipe.InfraLint.Tests.Rules.Compose;

public class HostPrivilegeGrantedRuleTests
{
    [Test]
    public void Catches_privileged_the_docker_socket_host_network_and_sys_admin() =>
        RuleVerifier.Reports<HostPrivilegeGrantedRule>(("compose.yaml", """
            services:
              agent:
                image: agent:1
                privileged: [|true|]
                volumes:
                  - [|/var/run/docker.sock|]:/var/run/docker.sock:ro
              net:
                image: tool:1
                network_mode: [|host|]
                cap_add: [NET_ADMIN, [|SYS_ADMIN|]]
            """));

    [Test]
    public void Does_not_report_narrow_capabilities_or_ordinary_mounts() =>
        RuleVerifier.ReportsNothing<HostPrivilegeGrantedRule>(("compose.yaml", """
            services:
              vault:
                image: hashicorp/vault:1.17
                privileged: false
                cap_add: [IPC_LOCK]
                network_mode: bridge
                volumes:
                  - ./docker.sock.md:/docs/readme.md
                  - data:/vault/file
            volumes:
              data:
            """));
}
