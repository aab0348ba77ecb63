//! Results as CSV: one row per position, per unit and the total, numbers unrounded, for people
//! who go on in other tools. `vtvl compute --format csv` and the app's Results > Export CSV both
//! write this. The last columns hold the agency's proposal and the reviewer's figure, and for
//! positions the reviewer's decision and comment; a column not appraised is empty.

use crate::engine::PlanResults;

#[derive(Debug, thiserror::Error)]
pub enum ResultsCsvError {
    #[error("cannot write the results as CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write the results as CSV: {0}")]
    Write(String),
}

pub fn results_csv(results: &PlanResults) -> Result<String, ResultsCsvError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "level",
        "id",
        "unit_id",
        "parent_id",
        "name",
        "category",
        "method",
        "quota",
        "available_hours",
        "service_fte",
        "caf",
        "iaf",
        "norm_fte",
        "required_fte",
        "required",
        "current",
        "difference",
        "ratio",
        "proposed",
        "appraised",
        "decision",
        "comment",
    ])?;
    let num = |x: f64| x.to_string();
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let count = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_default();
    for p in &results.positions {
        writer.write_record([
            "position".to_owned(),
            p.id.clone(),
            p.unit_id.clone(),
            String::new(),
            p.name.clone(),
            p.category.keyword().to_owned(),
            p.method.keyword().to_owned(),
            String::new(),
            num(p.available_hours),
            num(p.service_fte),
            num(p.caf),
            num(p.iaf),
            num(p.norm_fte),
            num(p.required_fte),
            p.required.to_string(),
            num(p.current),
            num(p.difference),
            opt(p.ratio),
            p.proposed.to_string(),
            count(p.appraised),
            p.decision
                .map(|d| d.keyword().to_owned())
                .unwrap_or_default(),
            p.comment.clone().unwrap_or_default(),
        ])?;
    }
    for u in &results.units {
        writer.write_record([
            "unit".to_owned(),
            u.id.clone(),
            String::new(),
            u.parent_id.clone().unwrap_or_default(),
            u.name.clone(),
            String::new(),
            String::new(),
            u.quota.map(|q| q.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            num(u.required_fte),
            u.required.to_string(),
            num(u.current),
            num(u.difference),
            opt(u.ratio),
            u.proposed.to_string(),
            count(u.appraised),
            String::new(),
            String::new(),
        ])?;
    }
    let t = &results.total;
    let mut total = vec![String::new(); 22];
    total[0] = "total".to_owned();
    total[13] = num(t.required_fte);
    total[14] = t.required.to_string();
    total[15] = num(t.current);
    total[16] = num(t.difference);
    total[17] = opt(t.ratio);
    total[18] = t.proposed.to_string();
    total[19] = count(t.appraised);
    writer.write_record(&total)?;
    let bytes = writer
        .into_inner()
        .map_err(|e| ResultsCsvError::Write(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ResultsCsvError::Write(e.to_string()))
}
