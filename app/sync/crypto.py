"""The cryptography of sync packages, all from the ``cryptography`` package.

- Sealing (encrypt to HQ): an ephemeral X25519 key agrees a secret with HQ's X25519 public
  key; HKDF-SHA256 turns it into an AES-256-GCM key; the sealed blob is
  ``MAGIC | ephemeral public key (32) | nonce (12) | ciphertext+tag``. The associated data
  binds the blob to its package (its UUID), so a payload cannot be moved into another one.
- Key wrapping: HQ's private keys are kept encrypted under a passphrase (scrypt, then
  AES-256-GCM): ``WMAGIC | salt (16) | nonce (12) | ciphertext+tag``; see :func:`wrap_secret`.
- Signatures: HQ signs with Ed25519; a coordinator signs the manifest with the key of her
  X.509 identity (ECDSA P-256, RSA or Ed25519), checked against her registered certificate.
"""

from __future__ import annotations

import os

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, padding, rsa, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"CSEAL1"
_INFO = b"coordina sync payload v1"
WMAGIC = b"CKEY1"
# scrypt at n=2**15, r=8: 32 MiB and about 0.1 s per try on a laptop, once per session.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 1 << 15, 8, 1


def new_hq_keys() -> tuple[ed25519.Ed25519PrivateKey, x25519.X25519PrivateKey]:
    """A new HQ key pair: Ed25519 to sign, X25519 to receive encrypted payloads."""
    return ed25519.Ed25519PrivateKey.generate(), x25519.X25519PrivateKey.generate()


def raw_public(key: ed25519.Ed25519PublicKey | x25519.X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private(key: ed25519.Ed25519PrivateKey | x25519.X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def _passphrase_key(passphrase: bytes, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P).derive(passphrase)


def is_wrapped(blob: bytes | None) -> bool:
    """Whether ``blob`` is a :func:`wrap_secret` result (not a raw 32-byte key)."""
    return bool(blob) and bytes(blob).startswith(WMAGIC)  # type: ignore[arg-type]


def wrap_secret(secret: bytes, passphrase: bytes, aad: bytes) -> bytes:
    """Encrypt ``secret`` under ``passphrase``; ``aad`` names what it is (it cannot be swapped)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _passphrase_key(passphrase, salt)
    return WMAGIC + salt + nonce + AESGCM(key).encrypt(nonce, secret, aad)


def unwrap_secret(blob: bytes, passphrase: bytes, aad: bytes) -> bytes:
    """The secret of a :func:`wrap_secret` blob; ValueError on a wrong passphrase or a damaged blob."""
    head = len(WMAGIC)
    if not is_wrapped(blob) or len(blob) < head + 16 + 12 + 16:
        raise ValueError("not a wrapped key")
    salt, nonce, body = blob[head : head + 16], blob[head + 16 : head + 28], blob[head + 28 :]
    try:
        return AESGCM(_passphrase_key(passphrase, salt)).decrypt(nonce, body, aad)
    except InvalidTag:
        raise ValueError("wrong passphrase") from None


def _derive(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(shared)


def seal(plaintext: bytes, recipient: x25519.X25519PublicKey, aad: bytes) -> bytes:
    """Encrypt ``plaintext`` so only the holder of ``recipient``'s private key can read it."""
    ephemeral = x25519.X25519PrivateKey.generate()
    epk = raw_public(ephemeral.public_key())
    key = _derive(ephemeral.exchange(recipient), salt=epk + raw_public(recipient))
    nonce = os.urandom(12)
    return MAGIC + epk + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(blob: bytes, private: x25519.X25519PrivateKey, aad: bytes) -> bytes:
    """Decrypt a :func:`seal` blob; ValueError if it is malformed, altered or not for us."""
    head = len(MAGIC)
    if len(blob) < head + 32 + 12 + 16 or not blob.startswith(MAGIC):
        raise ValueError("not a sealed payload")
    epk, nonce, body = blob[head : head + 32], blob[head + 32 : head + 44], blob[head + 44 :]
    peer = x25519.X25519PublicKey.from_public_bytes(epk)
    key = _derive(private.exchange(peer), salt=epk + raw_public(private.public_key()))
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise ValueError("authentication failed (altered, or sealed to another key)") from None


def sign_ed25519(data: bytes, key: ed25519.Ed25519PrivateKey) -> bytes:
    return key.sign(data)


def verify_ed25519(data: bytes, signature: bytes, public: ed25519.Ed25519PublicKey) -> bool:
    try:
        public.verify(signature, data)
        return True
    except InvalidSignature:
        return False


def sign_with_key(data: bytes, key: object) -> bytes:
    """Sign with an X.509 identity's private key (ECDSA/RSA with SHA-256, or EdDSA)."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, rsa.RSAPrivateKey):
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    if isinstance(key, (ed25519.Ed25519PrivateKey, ed448.Ed448PrivateKey)):
        return key.sign(data)
    raise TypeError(f"unsupported key type {type(key).__name__}")


def verify_with_certificate(data: bytes, signature: bytes, cert: x509.Certificate) -> bool:
    """Whether ``signature`` over ``data`` was made by the key of ``cert``."""
    public = cert.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)):
            public.verify(signature, data)
        else:
            return False
        return True
    except InvalidSignature:
        return False
