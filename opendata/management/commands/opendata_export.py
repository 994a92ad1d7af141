"""`manage.py opendata_export [--dataset X] [--format Y] [--force]`: build the bulk downloads now."""

from django.core.management.base import BaseCommand, CommandError

from opendata import datasets, exports


class Command(BaseCommand):
    help = "Build the open data download files (only those whose dataset changed, unless --force)."

    def add_arguments(self, parser):
        parser.add_argument("--dataset", choices=sorted(datasets.DATASETS))
        parser.add_argument("--format", choices=sorted(datasets.FORMATS))
        parser.add_argument("--force", action="store_true", help="Rebuild even files that are fresh.")

    def handle(self, *args, dataset=None, format=None, force=False, **options):
        built = 0
        chosen = [(d, f) for d, f in exports.all_files()
                  if (dataset is None or d.name == dataset) and (format is None or f == format)]
        if not chosen:
            raise CommandError(f"There is no {format} download of {dataset}.")
        for item, file_format in chosen:
            if exports.build(item.name, file_format, force=force):
                built += 1
                self.stdout.write(f"Built {exports.file_name(item.name, file_format)}")
            else:
                self.stdout.write(f"Up to date: {exports.file_name(item.name, file_format)}")
        self.stdout.write(self.style.SUCCESS(f"{built} file(s) built, {len(chosen) - built} up to date."))
