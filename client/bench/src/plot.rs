//! `throughput.png`: sustained rate (left) and latency to finality at half that rate (right),
//! one bar per node, network and call. Text is drawn with a TrueType font from the system
//! (DejaVu or Liberation Sans); without one, no plot is written.

use std::path::Path;

use plotters::prelude::*;

use crate::report::Report;

const FONTS: [&str; 4] = [
	"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
	"/usr/share/fonts/TTF/DejaVuSans.ttf",
	"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
	"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
];

fn font() -> Result<(), String> {
	let bytes = FONTS
		.iter()
		.find_map(|p| std::fs::read(p).ok())
		.ok_or_else(|| format!("no TrueType font found (looked for {})", FONTS.join(", ")))?;
	plotters::style::register_font(
		"sans-serif",
		FontStyle::Normal,
		Box::leak(bytes.into_boxed_slice()),
	)
	.map_err(|_| "the font could not be read".to_string())
}

pub fn draw(report: &Report, path: &Path) -> Result<(), String> {
	font()?;
	let mut rows = Vec::new();
	for run in &report.runs {
		for s in &run.sustained {
			let l = run.latency.iter().find(|l| l.workload == s.workload);
			rows.push((
				format!("{} {:?} {:?}", run.label, run.network, s.workload).to_lowercase(),
				s.succeeded_per_s,
				l.map_or(0.0, |l| l.finality_p50),
				l.map_or(0.0, |l| l.finality_p95),
			));
		}
	}
	let n = rows.len() as u32;
	let height = 120 + 34 * n;
	let root = BitMapBackend::new(path, (1600, height)).into_drawing_area();
	let e = |e: DrawingAreaErrorKind<_>| e.to_string();
	root.fill(&WHITE).map_err(e)?;
	let title = format!(
		"Tradechain throughput — {} — {} ({} cores)",
		report.date, report.machine, report.cores
	);
	let root = root.titled(&title, ("sans-serif", 22)).map_err(e)?;
	let (left, right) = root.split_horizontally(860);
	let label = |v: &SegmentValue<u32>| match v {
		SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
			rows.get(*i as usize).map(|r| r.0.clone()).unwrap_or_default()
		}
		SegmentValue::Last => String::new(),
	};

	let max_rate = rows.iter().map(|r| r.1).fold(1.0, f64::max) * 1.1;
	let mut chart = ChartBuilder::on(&left)
		.caption("sustained transactions/s included", ("sans-serif", 18))
		.margin(12)
		.x_label_area_size(36)
		.y_label_area_size(330)
		.build_cartesian_2d(0.0..max_rate, (0..n).into_segmented())
		.map_err(e)?;
	chart
		.configure_mesh()
		.disable_y_mesh()
		.y_labels(n as usize)
		.y_label_formatter(&label)
		.x_desc("tx/s")
		.label_style(("sans-serif", 14))
		.draw()
		.map_err(e)?;
	chart
		.draw_series(
			Histogram::horizontal(&chart)
				.style(RGBColor(31, 119, 180).filled())
				.margin(6)
				.data(rows.iter().enumerate().map(|(i, r)| (i as u32, r.1))),
		)
		.map_err(e)?;

	let max_secs = rows.iter().map(|r| r.3).fold(1.0, f64::max) * 1.1;
	let mut chart = ChartBuilder::on(&right)
		.caption("seconds to finality at half that rate: p50 (dark), p95", ("sans-serif", 18))
		.margin(12)
		.x_label_area_size(36)
		.y_label_area_size(20)
		.build_cartesian_2d(0.0..max_secs, (0..n).into_segmented())
		.map_err(e)?;
	chart
		.configure_mesh()
		.disable_y_mesh()
		.y_labels(n as usize)
		.y_label_formatter(&|_| String::new())
		.x_desc("s")
		.label_style(("sans-serif", 14))
		.draw()
		.map_err(e)?;
	for (color, value) in [
		(RGBColor(255, 187, 120), (|r: &(String, f64, f64, f64)| r.3) as fn(&_) -> f64),
		(RGBColor(255, 127, 14), |r| r.2),
	] {
		chart
			.draw_series(
				Histogram::horizontal(&chart)
					.style(color.filled())
					.margin(6)
					.data(rows.iter().enumerate().map(|(i, r)| (i as u32, value(r)))),
			)
			.map_err(e)?;
	}
	root.present().map_err(e)
}
