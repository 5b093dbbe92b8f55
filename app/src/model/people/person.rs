use serde::{Deserialize, Serialize};

use crate::model::{Lang, Role};

/// Where a person comes from; the taskforce is composed across these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "ssr", sea_orm(rs_type = "String", db_type = "Text"))]
pub enum Sector {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "stat"))]
    Stat,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "region"))]
    Region,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "kommune"))]
    Kommune,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "privat"))]
    Privat,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "forskning"))]
    Forskning,
}

impl Sector {
    pub const ALL: [Sector; 5] = [
        Sector::Stat,
        Sector::Region,
        Sector::Kommune,
        Sector::Privat,
        Sector::Forskning,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Stat => "stat",
            Sector::Region => "region",
            Sector::Kommune => "kommune",
            Sector::Privat => "privat",
            Sector::Forskning => "forskning",
        }
    }

    pub fn parse(value: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.as_str() == value.trim())
    }
}

/// A person as the members page shows them. The e-mail is only filled in for the secretariat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: i32,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub sector: Sector,
    pub role: Role,
    pub language: Lang,
    pub email: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sector_round_trips_through_its_name() {
        for sector in Sector::ALL {
            assert_eq!(Sector::parse(sector.as_str()), Some(sector));
        }
        assert_eq!(Sector::parse("kommunal"), None);
    }
}
