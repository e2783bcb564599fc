import { samplePhotos, type SamplePhotoName } from '@model-walkthroughs/samples';

/**
 * Fills a picker with the sample photos and a file input; choosing one sets
 * the `image` attribute of every figure that matches `figures`.
 */
export function bindImagePicker(picker: HTMLElement, figures: string): void {
  const samples = picker.querySelector('#samples')!;
  const fileInput = picker.querySelector<HTMLInputElement>('input[type=file]')!;
  let objectUrl: string | undefined;

  const choose = (url: string, pressed?: HTMLButtonElement) => {
    for (const button of samples.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button === pressed));
    }
    for (const figure of document.querySelectorAll(figures)) figure.setAttribute('image', url);
  };

  for (const [name, photo] of Object.entries(samplePhotos) as [
    SamplePhotoName,
    typeof samplePhotos.chelsea,
  ][]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = photo.label;
    button.title = photo.credit;
    button.setAttribute('aria-pressed', String(name === 'chelsea'));
    button.addEventListener('click', () => choose(photo.url, button));
    samples.append(button, ' ');
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(file);
    choose(objectUrl);
  });
}
