//! # Tradechain seal
//!
//! Client-side encryption for sharing trade documents through the documents pallet. The file
//! never goes on chain:
//!
//! 1. [`encrypt_document`] encrypts the document once with a fresh random 256-bit content key
//!    (XChaCha20-Poly1305, RustCrypto `chacha20poly1305`), binding the ciphertext to the
//!    document's on-chain hash as associated data.
//! 2. [`seal_key`] seals the content key to each reader's published X25519 key with a libsodium
//!    sealed box (RustCrypto `crypto_box`: ephemeral X25519, XSalsa20-Poly1305). The envelope is
//!    [`ENVELOPE_LEN`] bytes, which `grant_access` stores on chain for that reader.
//! 3. The reader opens its envelope with [`open_key`] and decrypts with [`decrypt_document`],
//!    which also checks that the plaintext hashes to the anchored [`DocumentHash`].
//!
//! No cryptography is implemented here: the crate only composes audited primitives, and every
//! failure (wrong key, tampered envelope or ciphertext, another document) is an [`Error`].

use chacha20poly1305::{
	aead::{Aead, AeadCore, KeyInit, OsRng, Payload},
	XChaCha20Poly1305, XNonce,
};
pub use tradechain_primitives::{document_hash, DocumentHash};

/// Length of a key envelope: ephemeral public key (32) + sealed content key (32) + tag (16).
pub const ENVELOPE_LEN: usize = 80;
/// Version byte of [`EncryptedDocument::to_bytes`].
const FORMAT_VERSION: u8 = 1;

/// What went wrong.
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
	/// The envelope does not open with this secret key (another reader's, or tampered).
	EnvelopeDoesNotOpen,
	/// The envelope opened to something that is not a 32-byte key.
	MalformedEnvelope,
	/// The ciphertext does not decrypt with this key for this document (tampered, or another
	/// document's).
	DecryptionFailed,
	/// The decrypted document does not hash to the anchored hash.
	HashMismatch,
	/// The encrypted document's bytes are not in the expected format.
	MalformedDocument,
}

impl std::fmt::Display for Error {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(match self {
			Error::EnvelopeDoesNotOpen => "the key envelope does not open with this key",
			Error::MalformedEnvelope => "the key envelope does not hold a content key",
			Error::DecryptionFailed => "the document does not decrypt with this content key",
			Error::HashMismatch => "the decrypted document does not match its anchored hash",
			Error::MalformedDocument => "not an encrypted Tradechain document",
		})
	}
}

impl std::error::Error for Error {}

/// A 256-bit content key; one per document.
#[derive(Clone, PartialEq, Eq)]
pub struct ContentKey([u8; 32]);

impl std::fmt::Debug for ContentKey {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str("ContentKey(..)")
	}
}

impl ContentKey {
	/// A key from its 32 bytes (e.g. the file its owner kept to grant more readers later).
	pub fn from_bytes(bytes: [u8; 32]) -> Self {
		Self(bytes)
	}

	/// The 32 bytes, to keep in a file readable by the owner only: whoever holds them reads the
	/// document.
	pub fn to_bytes(&self) -> [u8; 32] {
		self.0
	}
}

/// A reader's X25519 key pair; the public half is published with `set_encryption_key`.
pub struct ReaderKeypair {
	secret: crypto_box::SecretKey,
}

impl ReaderKeypair {
	/// A fresh key pair from the operating system's random source.
	pub fn generate() -> Self {
		Self { secret: crypto_box::SecretKey::generate(&mut OsRng) }
	}

	/// A key pair from 32 secret bytes (e.g. from a key file).
	pub fn from_secret_bytes(bytes: [u8; 32]) -> Self {
		Self { secret: crypto_box::SecretKey::from(bytes) }
	}

	/// The 32 secret bytes, to store in a key file.
	pub fn secret_bytes(&self) -> [u8; 32] {
		self.secret.to_bytes()
	}

	/// The public key to publish on chain.
	pub fn public(&self) -> [u8; 32] {
		*self.secret.public_key().as_bytes()
	}
}

/// A document encrypted under a content key, bound to its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncryptedDocument {
	/// The hash of the plaintext, anchored on chain.
	pub hash: DocumentHash,
	/// The XChaCha20 nonce (random, 24 bytes).
	pub nonce: [u8; 24],
	/// The ciphertext with its Poly1305 tag.
	pub ciphertext: Vec<u8>,
}

impl EncryptedDocument {
	/// `version (1) || hash (32) || nonce (24) || ciphertext`: the file to send or store.
	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(1 + 32 + 24 + self.ciphertext.len());
		out.push(FORMAT_VERSION);
		out.extend_from_slice(self.hash.as_bytes());
		out.extend_from_slice(&self.nonce);
		out.extend_from_slice(&self.ciphertext);
		out
	}

	/// Parses [`Self::to_bytes`]'s format.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
		let (&version, rest) = bytes.split_first().ok_or(Error::MalformedDocument)?;
		if version != FORMAT_VERSION || rest.len() < 32 + 24 + 16 {
			return Err(Error::MalformedDocument);
		}
		let (hash, rest) = rest.split_at(32);
		let (nonce, ciphertext) = rest.split_at(24);
		Ok(Self {
			hash: DocumentHash::from_slice(hash),
			nonce: nonce.try_into().map_err(|_| Error::MalformedDocument)?,
			ciphertext: ciphertext.to_vec(),
		})
	}
}

/// Encrypts `plaintext` under a fresh content key. Anchor `result.0.hash` on chain, send
/// `result.0` to the readers, and seal `result.1` to each of them with [`seal_key`].
pub fn encrypt_document(plaintext: &[u8]) -> (EncryptedDocument, ContentKey) {
	let key = XChaCha20Poly1305::generate_key(&mut OsRng);
	let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
	let hash = document_hash(plaintext);
	let cipher = XChaCha20Poly1305::new(&key);
	// Encryption with a valid key and nonce cannot fail for in-memory buffers.
	let ciphertext = cipher
		.encrypt(&nonce, Payload { msg: plaintext, aad: hash.as_bytes() })
		.expect("XChaCha20-Poly1305 encryption of an in-memory buffer does not fail");
	(EncryptedDocument { hash, nonce: nonce.into(), ciphertext }, ContentKey(key.into()))
}

/// Decrypts a document and checks it against its anchored hash.
pub fn decrypt_document(doc: &EncryptedDocument, key: &ContentKey) -> Result<Vec<u8>, Error> {
	let cipher = XChaCha20Poly1305::new(&key.0.into());
	let plaintext = cipher
		.decrypt(
			XNonce::from_slice(&doc.nonce),
			Payload { msg: &doc.ciphertext, aad: doc.hash.as_bytes() },
		)
		.map_err(|_| Error::DecryptionFailed)?;
	if document_hash(&plaintext) != doc.hash {
		return Err(Error::HashMismatch);
	}
	Ok(plaintext)
}

/// Seals the content key to a reader's published X25519 key: the envelope for `grant_access`.
pub fn seal_key(key: &ContentKey, reader_public: &[u8; 32]) -> Vec<u8> {
	let public = crypto_box::PublicKey::from(*reader_public);
	// Sealing uses fresh randomness and cannot fail for a 32-byte message.
	public.seal(&mut OsRng, &key.0).expect("sealing a 32-byte key does not fail")
}

/// Opens an envelope with the reader's key pair.
pub fn open_key(envelope: &[u8], reader: &ReaderKeypair) -> Result<ContentKey, Error> {
	let opened = reader.secret.unseal(envelope).map_err(|_| Error::EnvelopeDoesNotOpen)?;
	let key: [u8; 32] = opened.as_slice().try_into().map_err(|_| Error::MalformedEnvelope)?;
	Ok(ContentKey(key))
}

#[cfg(test)]
mod tests {
	use super::*;

	const INVOICE: &[u8] = br#"{"invoice":"INV-2026-0042","total":"12500.00","currency":"EUR"}"#;

	#[test]
	fn a_reader_decrypts_what_was_sealed_to_it() {
		let reader = ReaderKeypair::generate();
		let (doc, key) = encrypt_document(INVOICE);
		assert_eq!(doc.hash, document_hash(INVOICE));
		assert_ne!(doc.ciphertext, INVOICE, "the document is encrypted");
		let envelope = seal_key(&key, &reader.public());
		assert_eq!(envelope.len(), ENVELOPE_LEN);
		let opened = open_key(&envelope, &reader).expect("the reader opens its envelope");
		assert_eq!(opened, key);
		let file = EncryptedDocument::from_bytes(&doc.to_bytes()).expect("round-trips as a file");
		assert_eq!(decrypt_document(&file, &opened).unwrap(), INVOICE);
	}

	#[test]
	fn each_encryption_uses_a_fresh_key_and_nonce() {
		let (a, ka) = encrypt_document(INVOICE);
		let (b, kb) = encrypt_document(INVOICE);
		assert_ne!(ka, kb);
		assert_ne!(a.nonce, b.nonce);
		assert_ne!(a.ciphertext, b.ciphertext);
	}

	#[test]
	fn another_reader_cannot_open_the_envelope() {
		let (_, key) = encrypt_document(INVOICE);
		let envelope = seal_key(&key, &ReaderKeypair::generate().public());
		assert_eq!(
			open_key(&envelope, &ReaderKeypair::generate()),
			Err(Error::EnvelopeDoesNotOpen)
		);
	}

	#[test]
	fn a_tampered_envelope_does_not_open() {
		let reader = ReaderKeypair::generate();
		let (_, key) = encrypt_document(INVOICE);
		let envelope = seal_key(&key, &reader.public());
		for i in [0, 40, ENVELOPE_LEN - 1] {
			let mut tampered = envelope.clone();
			tampered[i] ^= 1;
			assert_eq!(open_key(&tampered, &reader), Err(Error::EnvelopeDoesNotOpen), "byte {i}");
		}
		assert_eq!(
			open_key(&envelope[..ENVELOPE_LEN - 1], &reader),
			Err(Error::EnvelopeDoesNotOpen)
		);
	}

	#[test]
	fn a_tampered_ciphertext_does_not_decrypt() {
		let (doc, key) = encrypt_document(INVOICE);
		let mut tampered = doc.clone();
		tampered.ciphertext[3] ^= 0x80;
		assert_eq!(decrypt_document(&tampered, &key), Err(Error::DecryptionFailed));
		let mut renamed = doc.clone();
		renamed.hash = document_hash(b"another document");
		assert_eq!(
			decrypt_document(&renamed, &key),
			Err(Error::DecryptionFailed),
			"bound to its hash"
		);
		let (_, other_key) = encrypt_document(INVOICE);
		assert_eq!(decrypt_document(&doc, &other_key), Err(Error::DecryptionFailed));
	}

	#[test]
	fn malformed_files_are_rejected() {
		assert_eq!(EncryptedDocument::from_bytes(&[]), Err(Error::MalformedDocument));
		assert_eq!(EncryptedDocument::from_bytes(&[2; 100]), Err(Error::MalformedDocument));
		assert_eq!(EncryptedDocument::from_bytes(&[1; 60]), Err(Error::MalformedDocument));
	}

	#[test]
	fn keypairs_survive_a_key_file() {
		let reader = ReaderKeypair::generate();
		let again = ReaderKeypair::from_secret_bytes(reader.secret_bytes());
		assert_eq!(again.public(), reader.public());
	}

	#[test]
	fn a_kept_content_key_grants_a_later_reader() {
		let (doc, key) = encrypt_document(INVOICE);
		let kept = ContentKey::from_bytes(key.to_bytes());
		let later = ReaderKeypair::generate();
		let opened = open_key(&seal_key(&kept, &later.public()), &later).expect("opens");
		assert_eq!(decrypt_document(&doc, &opened).expect("decrypts"), INVOICE);
		let (_, other) = encrypt_document(INVOICE);
		assert_ne!(other.to_bytes(), key.to_bytes(), "each document its own key");
	}
}
