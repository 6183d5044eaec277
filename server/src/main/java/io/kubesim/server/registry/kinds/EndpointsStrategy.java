package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.List;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.registry.ResourceStrategy;
import io.kubesim.server.validation.Checks;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.node.ObjectNode;

/**
 * Endpoints ({@code v1}): TCP as the default port protocol, and subset validation (every subset
 * has addresses, addresses are usable IPs, ports are valid and named when there are several).
 * Stateless and thread-safe.
 */
public final class EndpointsStrategy implements ResourceStrategy {

    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

    @Override
    public void applyDefaults(ObjectNode endpoints) {
        for (ObjectNode subset : Trees.objects(endpoints, "subsets")) {
            Trees.objects(subset, "ports").forEach(p -> Trees.defaultText(p, "protocol", "TCP"));
        }
    }

    @Override
    public List<FieldError> validate(ObjectNode endpoints) {
        List<FieldError> errs = new ArrayList<>();
        List<ObjectNode> subsets = Trees.objects(endpoints, "subsets");
        for (int i = 0; i < subsets.size(); i++) {
            ObjectNode ss = subsets.get(i);
            FieldPath p = FieldPath.of("subsets").index(i);
            List<ObjectNode> ready = Trees.objects(ss, "addresses");
            List<ObjectNode> notReady = Trees.objects(ss, "notReadyAddresses");
            if (ready.isEmpty() && notReady.isEmpty()) {
                errs.add(FieldError.required(p.value(), "must specify `addresses` or `notReadyAddresses`"));
            }
            for (int a = 0; a < ready.size(); a++) {
                errs.addAll(validateAddress(ready.get(a), p.child("addresses").index(a)));
            }
            for (int a = 0; a < notReady.size(); a++) {
                errs.addAll(validateAddress(notReady.get(a), p.child("notReadyAddresses").index(a)));
            }
            List<ObjectNode> ports = Trees.objects(ss, "ports");
            for (int n = 0; n < ports.size(); n++) {
                errs.addAll(validatePort(ports.get(n), ports.size() > 1, p.child("ports").index(n)));
            }
        }
        return errs;
    }

    @Override
    public List<FieldError> validateUpdate(ObjectNode endpoints, ObjectNode old) {
        return validate(endpoints);
    }

    private static List<FieldError> validateAddress(ObjectNode address, FieldPath p) {
        List<FieldError> errs = new ArrayList<>();
        String ip = Trees.textOrEmpty(address, "ip");
        FieldPath ipPath = p.child("ip");
        if (!NameValidation.isIp(ip)) {
            errs.add(FieldError.invalid(ipPath.value(), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        }
        String hostname = Trees.textOrEmpty(address, "hostname");
        if (!hostname.isEmpty()) {
            errs.addAll(Checks.dns1123Label(hostname, p.child("hostname")));
        }
        String nodeName = Trees.text(address, "nodeName");
        if (nodeName != null) {
            errs.addAll(Checks.dns1123Subdomain(nodeName, p.child("nodeName")));
        }
        errs.addAll(nonSpecialIp(ip, ipPath));
        return errs;
    }

    /** Unspecified, loopback and link-local addresses make no sense as endpoints. */
    private static List<FieldError> nonSpecialIp(String ip, FieldPath p) {
        int[] v4 = NameValidation.ipv4(ip);
        if (v4 == null && !NameValidation.isIpv6(ip)) {
            return List.of(FieldError.invalid(p.value(), ip, "must be a valid IP address"));
        }
        List<FieldError> errs = new ArrayList<>();
        if (v4 != null) {
            if (v4[0] == 0 && v4[1] == 0 && v4[2] == 0 && v4[3] == 0) {
                errs.add(FieldError.invalid(p.value(), ip, "may not be unspecified (" + ip + ")"));
            }
            if (v4[0] == 127) {
                errs.add(FieldError.invalid(p.value(), ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
            }
            if (v4[0] == 169 && v4[1] == 254) {
                errs.add(FieldError.invalid(p.value(), ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
            }
            if (v4[0] == 224 && v4[1] == 0 && v4[2] == 0) {
                errs.add(FieldError.invalid(p.value(), ip,
                        "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
            }
        }
        return errs;
    }

    private static List<FieldError> validatePort(ObjectNode port, boolean requireName, FieldPath p) {
        List<FieldError> errs = new ArrayList<>();
        String name = Trees.textOrEmpty(port, "name");
        if (requireName && name.isEmpty()) {
            errs.add(FieldError.required(p.child("name").value(), ""));
        } else if (!name.isEmpty()) {
            errs.addAll(Checks.dns1123Label(name, p.child("name")));
        }
        long number = Trees.integer(port, "port", 0);
        NameValidation.portNumber(number).forEach(m -> errs.add(FieldError.invalid(p.child("port").value(), number, m)));
        errs.addAll(Checks.oneOf(Trees.text(port, "protocol"), p.child("protocol"), PROTOCOLS));
        String appProtocol = Trees.text(port, "appProtocol");
        if (appProtocol != null) {
            errs.addAll(Checks.qualifiedName(appProtocol, p.child("appProtocol")));
        }
        return errs;
    }
}
