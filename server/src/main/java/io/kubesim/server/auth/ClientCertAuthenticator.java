package io.kubesim.server.auth;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.vertx.core.http.HttpServerRequest;

/**
 * Identifies a request by its TLS client certificate, as kube-apiserver's x509 authenticator
 * does: user = subject CN, groups = subject O values. The TLS layer has already verified the chain
 * against the cluster CA (client certificates are requested, not required). Stateless.
 */
public final class ClientCertAuthenticator {

    public static final String AUTHENTICATED = "system:authenticated";

    /** The identity, or null when the connection carries no client certificate. */
    public UserInfo authenticate(HttpServerRequest request) {
        List<Certificate> chain;
        try {
            chain = request.connection().peerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
        if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
            return null;
        }
        return fromSubject(leaf.getSubjectX500Principal().getName());
    }

    /** Parses an RFC 2253 subject into CN (user) and O values (groups); null without a CN. */
    static UserInfo fromSubject(String rfc2253) {
        String cn = null;
        List<String> groups = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
                String type = rdn.getType();
                String value = String.valueOf(rdn.getValue());
                if (type.equalsIgnoreCase("CN") && cn == null) {
                    cn = value;
                } else if (type.equalsIgnoreCase("O")) {
                    groups.add(value);
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        if (cn == null || cn.isEmpty()) {
            return null;
        }
        // LdapName lists RDNs right to left; keep the subject's own order of groups
        java.util.Collections.reverse(groups);
        groups.add(AUTHENTICATED);
        return new UserInfo(cn, groups);
    }
}
