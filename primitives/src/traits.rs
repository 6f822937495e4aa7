//! The traits by which pallets see each other. A pallet declares what it needs as an associated
//! type bounded by one of these; the runtime wires in the pallet that implements it; `()`
//! implements each for mocks.

use core::marker::PhantomData;

use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;

use crate::{CountryCode, Role};

/// An X25519 public key (32 bytes) for sealing document keys to an agency or operator.
pub type X25519PublicKey = [u8; 32];

/// Who holds which role, for which country.
pub trait RoleProvider<AccountId> {
	/// The country for which `who` holds `role` while the role is active (not suspended), if it
	/// does. An account holds each role for at most one country.
	fn country_of(who: &AccountId, role: Role) -> Option<CountryCode>;

	/// Whether `who` actively holds `role` for `country`.
	fn has_role(who: &AccountId, role: Role, country: CountryCode) -> bool {
		Self::country_of(who, role) == Some(country)
	}

	/// Whether `who` actively holds any role at all.
	fn is_member(who: &AccountId) -> bool;

	/// Gives `who` `role` for `country`, for benchmarks that need a role holder.
	#[cfg(feature = "runtime-benchmarks")]
	fn grant_for_benchmarks(who: &AccountId, role: Role, country: CountryCode);
}

/// Nobody holds any role.
impl<AccountId> RoleProvider<AccountId> for () {
	fn country_of(_: &AccountId, _: Role) -> Option<CountryCode> {
		None
	}
	fn is_member(_: &AccountId) -> bool {
		false
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn grant_for_benchmarks(_: &AccountId, _: Role, _: CountryCode) {}
}

/// An origin check: a signed account that actively holds the role `R`. Succeeds with the account
/// and the country it holds the role for.
///
/// ```ignore
/// type IssuerOrigin = EnsureRole<AccountId, Roles, OriginIssuerRole>;
/// let (issuer, country) = T::IssuerOrigin::ensure_origin(origin)?;
/// ```
pub struct EnsureRole<AccountId, P, R>(PhantomData<(AccountId, P, R)>);

impl<O, AccountId, P, R> EnsureOrigin<O> for EnsureRole<AccountId, P, R>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	AccountId: Clone + codec::Decode,
	P: RoleProvider<AccountId>,
	R: Get<Role>,
{
	type Success = (AccountId, CountryCode);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		o.into().and_then(|o| match o {
			RawOrigin::Signed(who) => match P::country_of(&who, R::get()) {
				Some(country) => Ok((who, country)),
				None => Err(O::from(RawOrigin::Signed(who))),
			},
			other => Err(O::from(other)),
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		// A fixed account: the zero-entropy decode of AccountId, as frame_benchmarking::account.
		let who = AccountId::decode(&mut sp_runtime::traits::TrailingZeroInput::zeroes())
			.map_err(|_| ())?;
		let country = CountryCode::parse(b"DE").map_err(|_| ())?;
		P::grant_for_benchmarks(&who, R::get(), country);
		Ok(O::from(RawOrigin::Signed(who)))
	}
}

/// Whether an account's on-chain identity carries a positive judgement from a registrar.
pub trait IdentityVerifier<AccountId> {
	/// `who` has an identity judged `Reasonable` or `KnownGood` by some registrar.
	fn has_positive_judgement(who: &AccountId) -> bool;

	/// Gives `who` a positively judged identity, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn judge_for_benchmarks(who: &AccountId);
}

/// Every account counts as verified (for mocks and networks without identities).
impl<AccountId> IdentityVerifier<AccountId> for () {
	fn has_positive_judgement(_: &AccountId) -> bool {
		true
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn judge_for_benchmarks(_: &AccountId) {}
}

/// The X25519 key an account published for document encryption.
pub trait EncryptionKeyProvider<AccountId> {
	/// The key `who` published, if any.
	fn encryption_key(who: &AccountId) -> Option<X25519PublicKey>;

	/// Publishes a key for `who`, for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn set_for_benchmarks(who: &AccountId, key: X25519PublicKey);
}

/// Nobody published a key.
impl<AccountId> EncryptionKeyProvider<AccountId> for () {
	fn encryption_key(_: &AccountId) -> Option<X25519PublicKey> {
		None
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_for_benchmarks(_: &AccountId, _: X25519PublicKey) {}
}

/// `Get<Role>` for each role, to parameterise [`EnsureRole`].
pub mod role {
	use super::*;
	macro_rules! role_getters {
		($($name:ident => $role:expr),* $(,)?) => {$(
			#[doc = concat!("`Get<Role>` returning `", stringify!($role), "`.")]
			pub struct $name;
			impl Get<Role> for $name {
				fn get() -> Role {
					$role
				}
			}
		)*};
	}
	role_getters!(
		Customs => Role::CUSTOMS,
		OriginIssuer => Role::ORIGIN_ISSUER,
		TradeMinistry => Role::TRADE_MINISTRY,
		PortAuthority => Role::PORT_AUTHORITY,
		EconomicOperator => Role::ECONOMIC_OPERATOR,
		Carrier => Role::CARRIER,
		Bank => Role::BANK,
		Arbiter => Role::ARBITER,
	);
}
