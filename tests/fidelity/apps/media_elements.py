import streamlit as st

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2f1d8a90000000049454e44ae426082"
)
st.image(PNG, caption="one pixel")
st.audio(b"RIFF....WAVEfmt ", format="audio/wav")
st.video(b"\x00\x00\x00\x18ftypmp42", format="video/mp4")
st.download_button("Download", b"hello", file_name="hello.txt")
st.file_uploader("Upload a file")
