//! One window showing one line of text.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window opens");
}
