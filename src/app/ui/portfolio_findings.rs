//! The findings of every plan of a portfolio (the portfolio tab's second section): each
//! plan's `vtvl check` findings at its judgement date, errors first, with the agency they are
//! of; clicking the agency opens its plan.

use eframe::egui;
use egui_extras::Column;

use super::check_panel::{severity_colour, severity_label};
use super::sheet::{Place, Sheet, cell_text, header_text};
use crate::app::portfolio::{self, Loaded};
use crate::app::state::AppState;

const ROW_HEIGHT: f32 = 22.0;

pub fn findings_ui(state: &mut AppState, ui: &mut egui::Ui, loaded: &Loaded) {
    let rows = state.portfolio.findings();
    if rows.is_empty() {
        ui.label(state.t(
            "Không đề án nào có điều cần lưu ý.",
            "No plan has any finding.",
        ));
        return;
    }
    let language = state.language();
    let agencies = &loaded.portfolio.agencies;
    let headers = [
        state.t("Cơ quan, đơn vị", "Agency"),
        state.t("Mức", "Severity"),
        state.t("Nội dung", "Finding"),
        state.t("Căn cứ", "Legal basis"),
    ];
    let mut open = None;
    let sheet = Sheet::new("portfolio_findings", "", ROW_HEIGHT)
        .pinned(1)
        .column(Column::initial(260.0).at_least(120.0).clip(true))
        .column(Column::initial(80.0).at_least(60.0).clip(true))
        .column(Column::initial(560.0).at_least(160.0).clip(true))
        .column(Column::initial(280.0).at_least(100.0).clip(true));
    sheet.show(ui, rows.len(), |ui, place| {
        let (row, column) = match place {
            Place::Header(column) => return header_text(ui, &headers, column),
            Place::Cell { row, column } => (row, column),
        };
        let Some(found) = rows.get(row) else {
            return;
        };
        let Some(agency) = agencies.get(found.agency) else {
            return;
        };
        let Some((checked, finding)) = agency
            .outcome
            .as_ref()
            .ok()
            .and_then(|c| c.findings.get(found.finding).map(|f| (c, f)))
        else {
            return;
        };
        match column {
            0 => {
                let name = &checked.figures.agency;
                let button = egui::Button::selectable(false, name).truncate();
                if ui.add(button).on_hover_text(&agency.relative).clicked() {
                    open = Some(agency.file.clone());
                }
            }
            1 => {
                ui.colored_label(
                    severity_colour(ui, finding.severity),
                    severity_label(state, finding.severity),
                );
            }
            2 => {
                let message = finding.message.get(language);
                cell_text(ui, message).on_hover_text(message);
            }
            _ => {
                cell_text(ui, &finding.legal_basis).on_hover_text(&finding.legal_basis);
            }
        }
    });
    if let Some(file) = open {
        portfolio::open_agency(state, &file);
    }
}
