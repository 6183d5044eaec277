package io.kubesim.server.registry.kinds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kubesim.server.api.FieldError;
import io.kubesim.server.validation.Checks;
import io.kubesim.server.validation.FieldPath;
import io.kubesim.server.validation.GoRepr;
import io.kubesim.server.validation.LabelValidation;
import io.kubesim.server.validation.NameValidation;
import io.kubesim.server.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Service spec validation with upstream's paths and messages (ports, type, session affinity,
 * cluster IPs and IP families of a single-stack IPv4 cluster, traffic policies, and on update the
 * immutability of assigned cluster IPs). Stateless and thread-safe.
 */
final class ServiceValidation {

    private static final FieldPath SPEC = new FieldPath("spec");
    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final int KUBELET_PORT = 10250;

    private ServiceValidation() {
    }

    static List<FieldError> validate(ObjectNode svc) {
        JsonNode spec = ServiceShape.spec(svc);
        List<FieldError> errs = new ArrayList<>();
        String type = ServiceShape.type(svc);
        boolean headless = ServiceShape.isHeadless(svc);
        List<ObjectNode> ports = Trees.objects(spec, "ports");
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errs.add(FieldError.required(SPEC.child("ports").value(), ""));
        }
        switch (type) {
            case "LoadBalancer" -> {
                for (int i = 0; i < ports.size(); i++) {
                    if (Trees.integer(ports.get(i), "port", 0) == KUBELET_PORT) {
                        errs.add(FieldError.invalid(SPEC.child("ports").index(i).value(), (long) KUBELET_PORT,
                                "may not expose port " + KUBELET_PORT + " externally since it is used by kubelet"));
                    }
                }
                if (headless) {
                    errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(0).value(), ServiceShape.NONE,
                            "may not be set to 'None' for LoadBalancer services"));
                }
            }
            case "NodePort" -> {
                if (headless) {
                    errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(0).value(), ServiceShape.NONE,
                            "may not be set to 'None' for NodePort services"));
                }
            }
            case "ExternalName" -> errs.addAll(validateExternalName(spec));
            default -> { }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            errs.addAll(validatePort(ports.get(i), ports.size() > 1, names, SPEC.child("ports").index(i)));
        }
        errs.addAll(LabelValidation.validateLabels(Trees.stringMap(spec, "selector"), SPEC.child("selector")));
        errs.addAll(validateSessionAffinity(spec));
        errs.addAll(validateClusterIps(svc));
        List<String> externalIps = Trees.strings(spec, "externalIPs");
        for (int i = 0; i < externalIps.size(); i++) {
            if (!NameValidation.isIp(externalIps.get(i))) {
                errs.add(FieldError.invalid(SPEC.child("externalIPs").index(i).value(), externalIps.get(i),
                        "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }
        }
        if (type.isEmpty()) {
            errs.add(FieldError.required(SPEC.child("type").value(), ""));
        } else if (!TYPES.contains(type)) {
            errs.add(FieldError.notSupported(SPEC.child("type").value(), type, TYPES));
        }
        errs.addAll(validatePortUniqueness(type, ports));
        if (!Trees.elements(spec, "loadBalancerSourceRanges").isEmpty() && !type.equals("LoadBalancer")) {
            errs.add(FieldError.forbidden(SPEC.child("LoadBalancerSourceRanges").value(),
                    "may only be used when `type` is 'LoadBalancer'"));
        }
        if (Trees.isSet(spec, "allocateLoadBalancerNodePorts") && !type.equals("LoadBalancer")) {
            errs.add(FieldError.forbidden(SPEC.child("allocateLoadBalancerNodePorts").value(),
                    "may only be used when `type` is 'LoadBalancer'"));
        }
        if (type.equals("LoadBalancer") && !Trees.isSet(spec, "allocateLoadBalancerNodePorts")) {
            // Upstream reports this one without the "spec." prefix.
            errs.add(FieldError.required("allocateLoadBalancerNodePorts", ""));
        }
        errs.addAll(validateTrafficPolicies(svc));
        return errs;
    }

    static List<FieldError> validateUpdate(ObjectNode svc, ObjectNode old) {
        List<FieldError> errs = new ArrayList<>();
        if (ServiceShape.needsClusterIp(svc) && ServiceShape.needsClusterIp(old)
                && !(ServiceShape.isHeadless(svc) && ServiceShape.isHeadless(old))) {
            List<String> now = Trees.strings(ServiceShape.spec(svc), "clusterIPs");
            List<String> before = Trees.strings(ServiceShape.spec(old), "clusterIPs");
            if (!before.isEmpty() && now.isEmpty()) {
                errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(0).value(), GoRepr.stringSlice(now),
                        "primary clusterIP can not be unset"));
            }
            for (int i = 0; i < Math.min(now.size(), before.size()); i++) {
                if (!now.get(i).equals(before.get(i))) {
                    errs.add(FieldError.invalid(SPEC.child("clusterIPs").index(i).value(), GoRepr.stringSlice(now),
                            "may not change once set"));
                }
            }
        }
        if (ServiceShape.needsHealthCheckNodePort(old) && ServiceShape.needsHealthCheckNodePort(svc)
                && Trees.integer(ServiceShape.spec(svc), "healthCheckNodePort", 0)
                != Trees.integer(ServiceShape.spec(old), "healthCheckNodePort", 0)) {
            errs.add(FieldError.forbidden(SPEC.child("healthCheckNodePort").value(), "field is immutable"));
        }
        errs.addAll(validate(svc));
        return errs;
    }

    private static List<FieldError> validateExternalName(JsonNode spec) {
        List<FieldError> errs = new ArrayList<>();
        if (!Trees.strings(spec, "clusterIPs").isEmpty()) {
            errs.add(FieldError.forbidden(SPEC.child("clusterIPs").value(), "may not be set for ExternalName services"));
        }
        if (!Trees.strings(spec, "ipFamilies").isEmpty()) {
            errs.add(FieldError.forbidden(SPEC.child("ipFamilies").value(), "may not be set for ExternalName services"));
        }
        if (Trees.isSet(spec, "ipFamilyPolicy")) {
            errs.add(FieldError.forbidden(SPEC.child("ipFamilyPolicy").value(), "may not be set for ExternalName services"));
        }
        String cname = Trees.textOrEmpty(spec, "externalName");
        if (cname.endsWith(".")) {
            cname = cname.substring(0, cname.length() - 1);
        }
        if (cname.isEmpty()) {
            errs.add(FieldError.required(SPEC.child("externalName").value(), ""));
        } else {
            errs.addAll(Checks.dns1123Subdomain(cname, SPEC.child("externalName")));
        }
        return errs;
    }

    private static List<FieldError> validatePort(ObjectNode port, boolean requireName, Set<String> names, FieldPath p) {
        List<FieldError> errs = new ArrayList<>();
        String name = Trees.textOrEmpty(port, "name");
        if (requireName && name.isEmpty()) {
            errs.add(FieldError.required(p.child("name").value(), ""));
        } else if (!name.isEmpty()) {
            errs.addAll(Checks.dns1123Label(name, p.child("name")));
            if (!names.add(name)) {
                errs.add(FieldError.duplicate(p.child("name").value(), name));
            }
        }
        long number = Trees.integer(port, "port", 0);
        NameValidation.portNumber(number).forEach(m -> errs.add(FieldError.invalid(p.child("port").value(), number, m)));
        errs.addAll(Checks.oneOf(Trees.text(port, "protocol"), p.child("protocol"), PROTOCOLS));
        errs.addAll(Checks.portNumOrName(port.get("targetPort"), p.child("targetPort")));
        String appProtocol = Trees.text(port, "appProtocol");
        if (appProtocol != null) {
            errs.addAll(Checks.qualifiedName(appProtocol, p.child("appProtocol")));
        }
        return errs;
    }

    private static List<FieldError> validateSessionAffinity(JsonNode spec) {
        List<FieldError> errs = new ArrayList<>(Checks.oneOf(Trees.text(spec, "sessionAffinity"),
                SPEC.child("sessionAffinity"), List.of("ClientIP", "None")));
        FieldPath configPath = SPEC.child("sessionAffinityConfig");
        switch (Trees.textOrEmpty(spec, "sessionAffinity")) {
            case "ClientIP" -> {
                Long timeout = Trees.integer(Trees.objectAt(spec, "sessionAffinityConfig", "clientIP"), "timeoutSeconds");
                if (timeout == null) {
                    errs.add(FieldError.required(configPath.value(), "when session affinity type is ClientIP"));
                } else if (timeout <= 0 || timeout > 86400) {
                    errs.add(FieldError.invalid(configPath.child("clientIP", "timeoutSeconds").value(), timeout,
                            "must be greater than 0 and less than 86400"));
                }
            }
            case "None" -> {
                if (Trees.isSet(spec, "sessionAffinityConfig")) {
                    errs.add(FieldError.forbidden(configPath.value(), "must not be set when session affinity is None"));
                }
            }
            default -> { }
        }
        return errs;
    }

    /** ClusterIP/clusterIPs consistency and the IP families a single-stack IPv4 cluster supports. */
    private static List<FieldError> validateClusterIps(ObjectNode svc) {
        List<FieldError> errs = new ArrayList<>();
        if (!ServiceShape.needsClusterIp(svc)) {
            return errs;
        }
        JsonNode spec = ServiceShape.spec(svc);
        FieldPath ipsPath = SPEC.child("clusterIPs");
        String ip = Trees.textOrEmpty(spec, "clusterIP");
        List<String> ips = Trees.strings(spec, "clusterIPs");
        if (!ip.isEmpty()) {
            if (ips.isEmpty()) {
                errs.add(FieldError.required(ipsPath.value(), ""));
            } else if (!ips.get(0).equals(ip)) {
                errs.add(FieldError.invalid(ipsPath.value(), GoRepr.stringSlice(ips), "first value must match `clusterIP`"));
            }
        } else if (!ips.isEmpty()) {
            errs.add(FieldError.invalid(ipsPath.value(), GoRepr.stringSlice(ips), "must be empty when `clusterIP` is not specified"));
        }
        List<String> families = Trees.strings(spec, "ipFamilies");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            String f = families.get(i);
            if (!f.equals("IPv4") && !f.equals("IPv6")) {
                errs.add(FieldError.notSupported(SPEC.child("ipFamilies").index(i).value(), f, List.of("IPv4", "IPv6")));
            }
            if (!seen.add(f)) {
                errs.add(FieldError.duplicate(SPEC.child("ipFamilies").index(i).value(), f));
            }
        }
        String policy = Trees.text(spec, "ipFamilyPolicy");
        List<String> policies = List.of("PreferDualStack", "RequireDualStack", "SingleStack");
        if (policy != null && !policies.contains(policy)) {
            errs.add(FieldError.notSupported(SPEC.child("ipFamilyPolicy").value(), policy, policies));
        }
        boolean badIp = false;
        for (int i = 0; i < ips.size(); i++) {
            if (i == 0 && ips.get(i).equals(ServiceShape.NONE)) {
                if (ips.size() > 1) {
                    badIp = true;
                    errs.add(FieldError.invalid(ipsPath.value(), GoRepr.stringSlice(ips), "'None' must be the first and only value"));
                }
                continue;
            }
            if (!NameValidation.isIp(ips.get(i))) {
                badIp = true;
                errs.add(FieldError.invalid(ipsPath.index(i).value(), ips.get(i),
                        "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }
        }
        if (ips.size() > 2) {
            errs.add(FieldError.invalid(ipsPath.value(), GoRepr.stringSlice(ips), "may only hold up to 2 values"));
        }
        if (!badIp && !(ServiceShape.isHeadless(svc) && !ServiceShape.hasSelector(svc))) {
            errs.addAll(singleStackFamilies(spec, policy, families));
        }
        return errs;
    }

    /** This cluster is IPv4 single-stack: dual-stack requirements and IPv6 cannot be honoured. */
    private static List<FieldError> singleStackFamilies(JsonNode spec, String policy, List<String> families) {
        List<FieldError> errs = new ArrayList<>();
        if ("RequireDualStack".equals(policy)) {
            errs.add(FieldError.invalid(SPEC.child("ipFamilyPolicy").value(), policy,
                    "this cluster is not configured for dual-stack services"));
        } else if (families.size() > 1 && "SingleStack".equals(policy)) {
            errs.add(FieldError.invalid(SPEC.child("ipFamilies").value(), GoRepr.stringSlice(families),
                    "when multiple IP families are specified, IP family policy must be RequireDualStack or PreferDualStack"));
        }
        for (int i = 0; i < families.size(); i++) {
            if (families.get(i).equals("IPv6")) {
                errs.add(FieldError.invalid(SPEC.child("ipFamilies").index(i).value(), "IPv6", "not configured on this cluster"));
            }
        }
        return errs;
    }

    private static List<FieldError> validatePortUniqueness(String type, List<ObjectNode> ports) {
        List<FieldError> errs = new ArrayList<>();
        Set<String> nodePorts = new HashSet<>();
        Set<String> servicePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ObjectNode port = ports.get(i);
            FieldPath p = SPEC.child("ports").index(i);
            long nodePort = Trees.integer(port, "nodePort", 0);
            String protocol = Trees.textOrEmpty(port, "protocol");
            if (type.equals("ClusterIP") && nodePort != 0) {
                errs.add(FieldError.forbidden(p.child("nodePort").value(), "may not be used when `type` is 'ClusterIP'"));
            }
            if (nodePort != 0 && !nodePorts.add(protocol + "/" + nodePort)) {
                errs.add(FieldError.duplicate(p.child("nodePort").value(), nodePort));
            }
            long number = Trees.integer(port, "port", 0);
            if (!servicePorts.add(protocol + "/" + number)) {
                errs.add(FieldError.duplicate(p.value(), new GoRepr("core.ServicePort{Name:\"\", Protocol:"
                        + GoRepr.quote(protocol) + ", AppProtocol:(*string)(nil), Port:" + number
                        + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}")));
            }
        }
        return errs;
    }

    private static List<FieldError> validateTrafficPolicies(ObjectNode svc) {
        List<FieldError> errs = new ArrayList<>();
        JsonNode spec = ServiceShape.spec(svc);
        String etp = Trees.textOrEmpty(spec, "externalTrafficPolicy");
        FieldPath etpPath = SPEC.child("externalTrafficPolicy");
        if (!ServiceShape.externallyAccessible(svc)) {
            if (!etp.isEmpty()) {
                errs.add(FieldError.invalid(etpPath.value(), etp, "may only be set for externally-accessible services"));
            }
        } else {
            errs.addAll(Checks.oneOf(etp, etpPath, List.of("Cluster", "Local")));
        }
        long hc = Trees.integer(spec, "healthCheckNodePort", 0);
        FieldPath hcPath = SPEC.child("healthCheckNodePort");
        if (!ServiceShape.needsHealthCheckNodePort(svc)) {
            if (hc != 0) {
                errs.add(FieldError.invalid(hcPath.value(), hc,
                        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
            }
        } else if (hc == 0) {
            errs.add(FieldError.required(hcPath.value(), ""));
        } else {
            NameValidation.portNumber(hc).forEach(m -> errs.add(FieldError.invalid(hcPath.value(), hc, m)));
        }
        String itp = Trees.text(spec, "internalTrafficPolicy");
        String type = ServiceShape.type(svc);
        if (itp == null && (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP"))) {
            errs.add(FieldError.required(SPEC.child("internalTrafficPolicy").value(), ""));
        } else if (itp != null && !itp.equals("Cluster") && !itp.equals("Local")) {
            errs.add(FieldError.notSupported(SPEC.child("internalTrafficPolicy").value(), itp, List.of("Cluster", "Local")));
        }
        return errs;
    }
}
