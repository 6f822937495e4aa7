//! One error type: a message for one line on stderr.

use std::fmt;

/// An error of the command-line client: a message for the user.
#[derive(Debug)]
pub struct Error(String);

impl Error {
	/// An error with this message.
	pub fn new(message: impl Into<String>) -> Self {
		Self(message.into())
	}
}

impl fmt::Display for Error {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.0)
	}
}

/// A result of the command-line client.
pub type Result<T> = std::result::Result<T, Error>;

/// Turns any displayable error into an [`Error`] saying what was being done.
pub trait Context<T> {
	/// `what: <error>`.
	fn ctx(self, what: &str) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
	fn ctx(self, what: &str) -> Result<T> {
		self.map_err(|e| Error(format!("{what}: {e}")))
	}
}
