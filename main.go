package main

import (
	"embed"
	"log"
	goruntime "runtime"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"

	"github.com/redshiftmate/rsmate/app"
	"github.com/redshiftmate/rsmate/app/nativedialog"
	"github.com/redshiftmate/rsmate/backend/applog"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

// windowIcon is the Linux window's icon: appicon.png at 256 px (scripts/icons.sh).
//
//go:embed build/windowicon.png
var windowIcon []byte

func main() {
	// A dialog child (Linux: see app/nativedialog) shows one dialog and exits
	// before Wails or anything else starts.
	nativedialog.ServeIfChild()

	opts := app.OptionsFromEnv()
	// A desktop launch has no terminal: keep the log in a file as well.
	if path, err := applog.DefaultPath(); err == nil {
		if closeLog, err := applog.Open(path); err == nil {
			defer closeLog()
			opts.LogPath = path
		} else {
			log.Printf("app log: %v (logging to stderr only)", err)
		}
	}
	a := app.New(opts)

	// Copy/paste shortcuts on macOS need the Edit menu. The role menus have no
	// items on Linux, where Wails 2.9 crashes building them: macOS only.
	var appMenu *menu.Menu
	if goruntime.GOOS == "darwin" {
		appMenu = menu.NewMenu()
		appMenu.Append(menu.AppMenu())
		appMenu.Append(menu.EditMenu())
	}

	err := wails.Run(&options.App{
		Title:            "Redshift Mate",
		Width:            1320,
		Height:           840,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 26, G: 27, B: 30, A: 255},
		Menu:             appMenu,
		OnStartup:        a.Startup,
		OnShutdown:       a.Shutdown,
		Bind:             a.Bindings(),
		ErrorFormatter:   app.FormatError,
		// The policy is spelled out because a Linux block turns the zero value
		// (Always) on, while Wails without one picks Never: under Always every
		// start compiles the compositor's GL shaders (on machines without a GPU
		// driver, in software: most of a start's CPU), for a window of lists
		// and forms that needs no GPU compositing.
		Linux: &linux.Options{Icon: windowIcon, ProgramName: "redshift-mate", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
		Mac: &mac.Options{
			About: &mac.AboutInfo{Title: "Redshift Mate", Message: "Users, roles, groups and privileges for Amazon Redshift and PostgreSQL.", Icon: icon},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
}
