/**
 * A self-signed certificate for 127.0.0.1 (valid until 2126), for tests only: a member server
 * whose certificate no authority vouches for. Made with:
 *   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 \
 *     -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1"
 */
export const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgieb+nVCqio7lznrL
AiIbMxNxGRLQJK0zBeUSXJhhovmhRANCAAR9ivqdszRg/IkeSqugBbIAlpOLmBdG
sYwo7Kzf9o9EYFgGp3//DD9lO1rjJmDk24DQ+gz4exW3qlmXul7ghvyS
-----END PRIVATE KEY-----
`;

export const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUJoPu+qsSmy6tyFuPlqIP5lmFfHkwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNDIwMzMyNloYDzIxMjYxMDMx
MjAzMzI2WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAR9ivqdszRg/IkeSqugBbIAlpOLmBdGsYwo7Kzf9o9EYFgGp3//DD9l
O1rjJmDk24DQ+gz4exW3qlmXul7ghvySo2QwYjAdBgNVHQ4EFgQURuB/LK5wtt4o
IzeCWcSyj2UKXm8wHwYDVR0jBBgwFoAURuB/LK5wtt4oIzeCWcSyj2UKXm8wDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IQC9K6EuPwje3dKkBsZd2tdgp97XzA2JZrFhsqzPAd0TBgIgGmRLK05vTdU8ex+u
9uPcw5jxis4RCvyanqkAudm8I40=
-----END CERTIFICATE-----
`;
